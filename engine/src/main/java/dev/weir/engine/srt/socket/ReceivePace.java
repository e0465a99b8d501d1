package dev.weir.engine.srt.socket;

/**
 * How the multiplexer's receive thread waits for datagrams: blocked in {@code receive} while the flow is slow, polling
 * every {@link #POLL_NANOS} while it is fast.
 *
 * <p>A blocking receive wakes the thread once per datagram. At several thousand datagrams a second (40 Mbit/s of
 * 1316-byte payloads and more) a wake-up per millisecond that drains whatever arrived meanwhile costs less: on a
 * 2-core machine the thread switch is most of what receiving a datagram costs, and at 100 Mbit/s polling took a
 * receiver's CPU from 10.9 and 9.8 % of a core to 9.0 and 8.6 % (docs/performance.md, "SRT vs libsrt").
 * The price is up to a millisecond of added delay on received packets, which the receive buffer's latency (20 ms at
 * the least) absorbs; an RTT measured through a polling receiver reads up to a millisecond longer.
 *
 * <p>The decision is taken once per {@link #WINDOW_MICROS} from the datagrams counted in it, with hysteresis so that a
 * flow near the threshold does not switch back and forth. Not thread-safe: the receive thread owns it.
 */
final class ReceivePace {

    /** How long a polling receive thread sleeps when it found the socket empty. */
    static final long POLL_NANOS = 1_000_000;
    static final long WINDOW_MICROS = 100_000;
    /**
     * Datagrams per window from which the thread polls (4 000 a second, some 40 Mbit/s)... A timed wake-up to an
     * empty look costs about twice what a datagram's wake-up does (measured at 20 Mbit/s: 940 polls a second cost
     * 1.8 % of a core where 1 300 blocking wake-ups cost 1.0 %), so polling pays only well above its own rate.
     */
    static final int POLL_FROM = 400;
    /** ...and below which it blocks again (2 500 a second). */
    static final int BLOCK_BELOW = 250;

    private boolean polling;
    private long windowStart;
    private long count;

    ReceivePace(long nowMicros) {
        this.windowStart = nowMicros;
    }

    boolean polling() {
        return polling;
    }

    /** A datagram arrived. Returns true when the thread should start polling now. */
    boolean datagram(long nowMicros) {
        count++;
        return !polling && windowEnded(nowMicros) && polling;
    }

    /** A poll found the socket empty. Returns true when the thread should block in {@code receive} again. */
    boolean emptyPoll(long nowMicros) {
        return polling && windowEnded(nowMicros) && !polling;
    }

    /** At the end of a window, takes the decision for the next one; false while the window lasts. */
    private boolean windowEnded(long nowMicros) {
        long elapsed = nowMicros - windowStart;
        if (elapsed < WINDOW_MICROS) {
            return false;
        }
        // a window that lasted longer (a blocked thread sees no time pass) counts at its real length
        long perWindow = count * WINDOW_MICROS / elapsed;
        polling = polling ? perWindow >= BLOCK_BELOW : perWindow >= POLL_FROM;
        windowStart = nowMicros;
        count = 0;
        return true;
    }
}
