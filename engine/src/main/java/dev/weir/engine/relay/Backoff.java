package dev.weir.engine.relay;

import java.time.Duration;

/**
 * How long a relay waits before reconnecting: 1 s after the first failure, doubling up to 30 s; a connection that
 * stayed up for a stable minute before it failed starts over at 1 s. No clock of its own: the relay says how long
 * the last connection lasted.
 */
final class Backoff {
    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofMinutes(1);

    private final long initialNanos;
    private final long maxNanos;
    private final long stableNanos;
    private long nextNanos;

    Backoff() {
        this(INITIAL, MAX, STABLE);
    }

    Backoff(Duration initial, Duration max, Duration stable) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.stableNanos = stable.toNanos();
        this.nextNanos = initialNanos;
    }

    /**
     * The wait before the next attempt, after a failure.
     *
     * @param connectedNanos how long the connection that just ended had been up (0 when it never came up)
     */
    long delayNanos(long connectedNanos) {
        if (connectedNanos >= stableNanos) nextNanos = initialNanos;
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }
}
