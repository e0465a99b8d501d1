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
    private final String id;
    private final InetSocketAddress address;
    private final AtomicLong accepted = new AtomicLong();
    private volatile ServerSocket socket;
    private volatile boolean closed;

    TcpTestListener(String id, InetSocketAddress address, ListenerContext context) {
        this.id = id;
        this.address = address;
    }

    @Override
    public String id() {
        return id;
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
            s.setReuseAddress(false);
            s.bind(address);
        } catch (IOException e) {
            throw BindErrors.bindFailed(address, e);
        }
        socket = s;
        Thread accept = new Thread(() -> {
            while (!closed) {
                try (Socket ignored = s.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-listener-accept-" + id);
        accept.setDaemon(true);
        accept.start();
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
    }

    @Override
    public ListenerSnapshot snapshot() {
        ServerSocket s = socket;
        String bound = s == null ? BindErrors.describe(address) : BindErrors.describe((InetSocketAddress) s.getLocalSocketAddress());
        return new ListenerSnapshot(id, Protocol.RTMP, bound, closed ? ListenerState.STOPPED : ListenerState.RUNNING,
                null, 0, accepted.get(), 0);
    }
}
