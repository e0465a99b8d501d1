package dev.weir.engine;

import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest real {@link Listener}: binds a TCP server socket, accepts and closes connections, counts them.
 * Enough to drive the engine's listener management against real bind errors.
 */
final class TcpTestListener implements Listener {
    private final InetSocketAddress requested;
    private final AtomicLong accepted = new AtomicLong();
    private volatile ServerSocket socket;
    private volatile Thread acceptThread;
    private volatile boolean closed;
    /** Set by tests to play a listener whose accept loop died. */
    volatile boolean brokenWhileRunning;

    TcpTestListener(InetSocketAddress address, ListenerContext context) {
        this.requested = address;
    }

    @Override
    public InetSocketAddress boundAddress() {
        ServerSocket s = socket;
        return s == null ? requested : (InetSocketAddress) s.getLocalSocketAddress();
    }

    @Override
    public Protocol protocol() {
        return Protocol.RTMP;
    }

    @Override
    public void start() throws ListenerException {
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.bind(requested);
        } catch (IOException e) {
            throw BindErrors.bindFailed(requested, e);
        }
        socket = s;
        Thread accept = new Thread(() -> {
            while (!closed) {
                try (Socket connection = s.accept()) {
                    accepted.incrementAndGet();
                    connection.shutdownOutput();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-listener-accept-" + requested);
        accept.setDaemon(true);
        accept.start();
        acceptThread = accept;
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        ServerSocket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        // The JDK releases a server socket's file descriptor only when the thread blocked in accept() has left
        // it, so wait for that thread: after close() returns, the port is really free.
        Thread t = acceptThread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ListenerSnapshot snapshot() {
        ListenerState state = closed ? ListenerState.STOPPED
                : brokenWhileRunning ? ListenerState.FAILED : ListenerState.RUNNING;
        return new ListenerSnapshot(id(), Protocol.RTMP, BindErrors.describe(boundAddress()), state,
                brokenWhileRunning ? "accept failed" : null, 0, accepted.get(), 0);
    }
}
