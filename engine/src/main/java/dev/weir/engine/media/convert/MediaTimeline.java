package dev.weir.engine.media.convert;

/**
 * Maps the demuxer's unwrapped 90 kHz clock onto the hub's millisecond timeline, which starts at 0 and keeps
 * going forward. A jump of more than {@link #MAX_JUMP_90K} between consecutive timestamps (an encoder restart,
 * a splice, a source switch) is a discontinuity: the timeline is rebased so that the new timestamps continue
 * from the last output instead of jumping with them.
 */
final class MediaTimeline {
    /** Five seconds: bigger than any audio/video interleave skew, smaller than any real outage worth showing. */
    static final long MAX_JUMP_90K = 5 * 90_000;

    private boolean started;
    private long base90;
    private long baseMs;
    private long last90;
    private long lastMs;
    private long rebases;

    long toMillis(long t90) {
        if (!started) {
            started = true;
            base90 = t90;
            baseMs = 0;
        } else if (Math.abs(t90 - last90) > MAX_JUMP_90K) {
            rebases++;
            base90 = t90;
            baseMs = lastMs;
        }
        long ms = baseMs + Math.floorDiv(t90 - base90, 90);
        last90 = t90;
        lastMs = Math.max(lastMs, ms);
        return ms;
    }

    long rebases() {
        return rebases;
    }
}
