package dev.weir.engine.hub;

import dev.weir.engine.stats.RateMeter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stream's counters and the rates the stats sampler makes of them. What the publisher's path bumps (bytes in,
 * frames, keyframes) is guarded by the stream's lock, which that path holds anyway; what player threads bump
 * (bytes taken, drops) are lock-free adders.
 */
final class StreamCounters {
    // Guarded by the stream's lock:
    private long bytesIn;
    private long videoFrames;
    private long lastKeyframeTimestamp = -1;
    private double keyframeIntervalSec;
    private long slowPlayerDisconnects;
    private final RateMeter bitrateIn = RateMeter.perSecond();
    private final RateMeter bitrateOut = RateMeter.perSecond();
    private final RateMeter frameRate = RateMeter.perSecond();

    // Bumped by player threads:
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicLong dropped = new AtomicLong();

    /** The measured rates at one instant. */
    record Rates(long bitrateIn, long bitrateOut, double fps) {}

    void received(int bytes) {
        bytesIn += bytes;
    }

    void videoFrame() {
        videoFrames++;
    }

    /** A keyframe at media time {@code timestamp} ms: the interval is measured in stream time, not wall time. */
    void keyframe(long timestamp) {
        if (lastKeyframeTimestamp >= 0 && timestamp > lastKeyframeTimestamp) {
            keyframeIntervalSec = (timestamp - lastKeyframeTimestamp) / 1000.0;
        }
        lastKeyframeTimestamp = timestamp;
    }

    /** A new publisher: its timestamps start over, so the keyframe interval does too. */
    void newPublisher() {
        lastKeyframeTimestamp = -1;
        keyframeIntervalSec = 0;
    }

    void slowPlayerDisconnected() {
        slowPlayerDisconnects++;
    }

    void sent(int bytes) {
        bytesOut.add(bytes);
    }

    void dropped(int messages) {
        if (messages > 0) dropped.addAndGet(messages);
    }

    /** Feeds the rate meters with the counters as of {@code nowNanos} and returns the rates. */
    Rates rates(long nowNanos) {
        return new Rates(
                Math.round(bitrateIn.update(nowNanos, bytesIn) * 8),
                Math.round(bitrateOut.update(nowNanos, bytesOut.sum()) * 8),
                frameRate.update(nowNanos, videoFrames));
    }

    long bytesIn() {
        return bytesIn;
    }

    long bytesOut() {
        return bytesOut.sum();
    }

    double keyframeIntervalSec() {
        return keyframeIntervalSec;
    }

    long slowPlayerDisconnects() {
        return slowPlayerDisconnects;
    }

    long dropped() {
        return dropped.get();
    }
}
