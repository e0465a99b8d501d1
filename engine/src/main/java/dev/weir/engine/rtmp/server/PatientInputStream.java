package dev.weir.engine.rtmp.server;

import dev.weir.engine.stats.ConnectionCounters;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The socket's input, read with a short socket timeout that never reaches the parser: when the peer is quiet
 * for one tick, a {@link QuietPolicy} decides whether to keep waiting (a player that only listens) or to give
 * up (handshake deadline passed, idle publisher, stalled writer) by throwing. The blocking chunk reader above
 * therefore never sees a timeout in the middle of a chunk. Counts bytes in for the stats.
 */
final class PatientInputStream extends FilterInputStream {

    /** Decides what a quiet tick means; throws to close the connection. */
    @FunctionalInterface
    interface QuietPolicy {
        void onQuiet(long lastReadNanos) throws IOException;
    }

    private final ConnectionCounters counters;
    private volatile QuietPolicy policy;
    private volatile long lastReadNanos = System.nanoTime();

    PatientInputStream(InputStream in, ConnectionCounters counters, QuietPolicy policy) {
        super(in);
        this.counters = counters;
        this.policy = policy;
    }

    void policy(QuietPolicy policy) {
        this.policy = policy;
    }

    private final byte[] one = new byte[1];

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    counters.addBytesIn(n);
                    lastReadNanos = System.nanoTime();
                }
                return n;
            } catch (SocketTimeoutException quiet) {
                policy.onQuiet(lastReadNanos);
            }
        }
    }
}
