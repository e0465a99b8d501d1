package dev.weir.engine.srt.transmit;

import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.socket.SrtCaller;
import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.srt.socket.SrtListener;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SRT end of {@code weir transmit}, as srt-live-transmit runs it with auto-reconnect: a listener accepts the next
 * caller whenever the current one leaves; a caller reconnects (after a second) when its connection ends. As a sink
 * while no peer is connected, messages are dropped (a live stream does not wait); as a source it waits.
 */
final class SrtEnd implements MessageSource, MessageSink {

    private static final Logger LOG = LoggerFactory.getLogger(SrtEnd.class);
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final SrtUrl url;
    private final SrtListener listener;
    private volatile SrtConnection connection;
    private volatile boolean closed;
    private long nextConnectAttempt;

    SrtEnd(SrtUrl url) throws IOException {
        this.url = url;
        this.listener = url.mode() == SrtMode.LISTENER ? SrtListener.bind(url, AcceptPolicy.acceptAll()) : null;
    }

    /** The connection now, if any (for statistics). */
    Optional<SrtConnection> current() {
        SrtConnection c = connection;
        return c != null && c.isOpen() ? Optional.of(c) : Optional.empty();
    }

    /** Gets a connection, waiting at most {@code waitMillis} (0 = try once, without waiting for a listener). */
    private SrtConnection connection(long waitMillis) throws IOException {
        SrtConnection c = connection;
        if (c != null && c.isOpen()) {
            return c;
        }
        if (c != null) {
            c.close();
            connection = null;
        }
        if (closed) {
            throw new IOException("closed");
        }
        if (listener != null) {
            try {
                c = listener.accept(Math.max(1, waitMillis));
            } catch (SocketTimeoutException e) {
                return null;
            }
        } else {
            long now = System.currentTimeMillis();
            if (now < nextConnectAttempt) {
                if (waitMillis <= 0) {
                    return null;
                }
                sleep(nextConnectAttempt - now);
            }
            try {
                c = SrtCaller.connect(url);
            } catch (IOException e) {
                nextConnectAttempt = System.currentTimeMillis() + RECONNECT_DELAY_MILLIS;
                LOG.warn("SRT connection to {}:{} failed: {}", url.host(), url.port(), e.getMessage());
                return null;
            }
        }
        LOG.info("SRT peer {} connected (stream id '{}')", c.peer(), c.streamId());
        connection = c;
        return c;
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        while (!closed) {
            SrtConnection c = connection(1000);
            if (c == null) {
                continue;
            }
            try {
                int n = c.read(buffer, 1000);
                if (n >= 0) {
                    return n;
                }
                LOG.info("SRT peer {} left: {}", c.peer(), c.state());
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                LOG.info("SRT peer {} lost: {}", c.peer(), e.getMessage());
                c.close();
            }
        }
        return -1;
    }

    /**
     * Into a sink that never waits (UDP), each message is written by the SRT connection's own thread as it becomes
     * due ({@link SrtConnection#deliverTo}), and this thread only waits for the connection to end: one thread switch
     * per message less, which on a 2-core machine is a good part of what a receiver costs. Other sinks are fed from
     * this thread.
     */
    @Override
    public void transferTo(MessageSink sink) throws IOException {
        if (!sink.writesWithoutWaiting()) {
            MessageSource.super.transferTo(sink);
            return;
        }
        SrtConnection.MessageHandler handler = (message, length) -> {
            try {
                sink.write(message, length);
            } catch (IOException e) {
                // as a datagram lost on the way: a live stream goes on
                LOG.debug("writing an SRT message to {} failed: {}", sink, e.toString());
            }
        };
        byte[] unused = new byte[1];
        while (!closed) {
            SrtConnection c = connection(1000);
            if (c == null) {
                continue;
            }
            c.deliverTo(handler);
            try {
                if (c.read(unused, 1000) < 0) {
                    LOG.info("SRT peer {} left: {}", c.peer(), c.state());
                }
            } catch (SocketTimeoutException e) {
                // still connected
            } catch (IOException e) {
                LOG.info("SRT peer {} lost: {}", c.peer(), e.getMessage());
                c.close();
            }
        }
    }

    @Override
    public void write(byte[] buffer, int length) throws IOException {
        SrtConnection c = connection(0);
        if (c == null) {
            return; // nobody to send to: a live stream is dropped, not queued
        }
        try {
            c.write(buffer, 0, length, 1000);
        } catch (IOException e) {
            LOG.info("SRT peer {} lost: {}", c.peer(), e.getMessage());
            c.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        SrtConnection c = connection;
        if (c != null) {
            c.close();
        }
        if (listener != null) {
            listener.close();
        }
    }
}
