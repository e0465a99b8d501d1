package dev.weir.engine.srt.live;

/**
 * The sender's estimate of the application's input rate, as libsrt measures it for {@code maxbw=0}: bytes
 * (payload plus 44 header bytes per packet) counted over a period of 500 ms at first, then 1 s, the estimate
 * replaced at the end of each period. Before the first period ends it is 0 (unknown).
 */
public final class InputRateEstimator {

    static final long FAST_START_PERIOD_MICROS = 500_000;
    static final long RUNNING_PERIOD_MICROS = 1_000_000;

    private long periodStart = Long.MIN_VALUE;
    private long period = FAST_START_PERIOD_MICROS;
    private long bytes;
    private long rate;

    public void onPacket(int payloadLength, long now) {
        if (periodStart == Long.MIN_VALUE) {
            periodStart = now;
        }
        bytes += payloadLength + LiveCongestionControl.PACKET_HEADER_BYTES;
        long elapsed = now - periodStart;
        if (elapsed >= period) {
            rate = bytes * 1_000_000 / elapsed;
            bytes = 0;
            periodStart = now;
            period = RUNNING_PERIOD_MICROS;
        }
    }

    /** Estimated input rate in bytes/s, 0 until measured. */
    public long bytesPerSecond() {
        return rate;
    }
}
