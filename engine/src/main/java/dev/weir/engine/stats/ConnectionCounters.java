package dev.weir.engine.stats;

import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;

import dev.weir.engine.srt.stats.SrtStats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The live, mutable counters of one connection. Written by the connection's own threads with plain atomic
 * adds (no allocation, no locks); read by the stats sampler, which turns them into {@link ConnectionSnapshot}s.
 */
public final class ConnectionCounters {
    private final String id;
    private final Protocol protocol;
    private final String listenerId;
    private final String remoteAddress;
    private final long startNanos;

    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong droppedMessages = new AtomicLong();
    private volatile Role role = Role.UNKNOWN;
    private volatile State state = State.HANDSHAKE;
    private volatile String streamKey;
    private volatile Supplier<SrtStats> srtStats;
    private volatile Runnable closer;

    public ConnectionCounters(String id, Protocol protocol, String listenerId, String remoteAddress, long startNanos) {
        this.id = id;
        this.protocol = protocol;
        this.listenerId = listenerId;
        this.remoteAddress = remoteAddress;
        this.startNanos = startNanos;
    }

    public String id() { return id; }
    public Protocol protocol() { return protocol; }
    public String listenerId() { return listenerId; }
    public String remoteAddress() { return remoteAddress; }
    public long startNanos() { return startNanos; }

    public void addBytesIn(long n) { bytesIn.addAndGet(n); }
    public void addBytesOut(long n) { bytesOut.addAndGet(n); }
    public void addDroppedMessages(long n) { droppedMessages.addAndGet(n); }
    public long bytesIn() { return bytesIn.get(); }
    public long bytesOut() { return bytesOut.get(); }
    public long droppedMessages() { return droppedMessages.get(); }

    public Role role() { return role; }
    public void role(Role r) { role = r; }
    public State state() { return state; }
    public void state(State s) { state = s; }
    public String streamKey() { return streamKey; }
    public void streamKey(String k) { streamKey = k; }

    /** SRT sessions say where the sampler reads their transport statistics; {@code null} (RTMP) for none. */
    public void srtStats(Supplier<SrtStats> source) { srtStats = source; }

    /** The SRT statistics now, or {@code null} for connections that are not SRT. */
    public SrtStats srtStats() {
        Supplier<SrtStats> s = srtStats;
        return s == null ? null : s.get();
    }

    /** The session says how to end it from outside (the operator's disconnect); {@code null} when it cannot be. */
    public void closer(Runnable close) { closer = close; }

    /**
     * Ends the connection through its session's closer.
     *
     * @return false when the session gave no way to close it
     */
    public boolean close() {
        Runnable c = closer;
        if (c == null) return false;
        c.run();
        return true;
    }
}
