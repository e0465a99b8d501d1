package dev.weir.engine.stats;

/**
 * Turns a growing counter (bytes, frames) into a per-second rate over a sliding window of about one second.
 *
 * <p>It is fed samples ({@code now}, {@code total}) by whoever reads the counter, typically the stats sampler
 * every 250 ms, and remembers just enough of them to span the window. The rate is the difference between the
 * newest sample and the oldest one still needed, over the time between them. Feeding it more often than the
 * window needs only replaces the newest sample, so any caller rate works. No clock of its own: time is given.
 *
 * <p>Thread-safe; cheap enough to call at sampling rate, never meant for the per-packet path.
 */
public final class RateMeter {
    private static final int CAPACITY = 16;

    private final long windowNanos;
    private final long minSpacingNanos;
    private final long[] times = new long[CAPACITY];
    private final long[] totals = new long[CAPACITY];
    private int oldest;
    private int size;

    /** A meter whose rate covers the last {@code windowNanos} (or less, right after it started). */
    public RateMeter(long windowNanos) {
        if (windowNanos <= 0) throw new IllegalArgumentException("rate window must be positive, got " + windowNanos);
        this.windowNanos = windowNanos;
        this.minSpacingNanos = windowNanos / (CAPACITY / 2);
    }

    /** A one-second meter. */
    public static RateMeter perSecond() {
        return new RateMeter(1_000_000_000L);
    }

    /**
     * Records that the counter stood at {@code total} at {@code nowNanos} and returns the rate per second over the
     * window ending now; 0 until two samples some time apart exist. A counter that went backwards starts over.
     */
    public synchronized double update(long nowNanos, long total) {
        if (size > 0) {
            int newest = index(size - 1);
            if (total < totals[newest] || nowNanos < times[newest]) {
                size = 0;
            } else if (size > 1 && nowNanos - times[index(size - 2)] < minSpacingNanos) {
                size--; // the newest sample is too close to its predecessor: move it to now instead of adding one
            }
        }
        if (size == CAPACITY) drop();
        int slot = index(size++);
        times[slot] = nowNanos;
        totals[slot] = total;
        while (size > 2 && nowNanos - times[index(1)] >= windowNanos) drop();
        if (size < 2) return 0;
        long elapsed = nowNanos - times[oldest];
        if (elapsed <= 0) return 0;
        return (total - totals[oldest]) * 1e9 / elapsed;
    }

    private void drop() {
        oldest = (oldest + 1) % CAPACITY;
        size--;
    }

    private int index(int i) {
        return (oldest + i) % CAPACITY;
    }
}
