package dev.weir.engine.srt.live;

/**
 * libsrt's LiveCC: no congestion window, only pacing. Packets leave at most every
 * {@code (average payload + 44 header bytes) / bandwidth} seconds, where the bandwidth ceiling comes from
 * {@code maxbw}/{@code inputbw}/{@code mininputbw}/{@code oheadbw} exactly as libsrt derives it:
 * <ul>
 *   <li>{@code maxbw > 0}: that many bytes/s;</li>
 *   <li>{@code maxbw == -1}: "infinite", which libsrt caps at 1 Gbit/s;</li>
 *   <li>{@code maxbw == 0}: the input rate plus {@code oheadbw} percent, the input rate being {@code inputbw} when set,
 *       otherwise the measured one (never below {@code mininputbw}); until a measurement exists, infinite.</li>
 * </ul>
 * The overhead is the retransmission budget: retransmissions are paced by the same clock as new packets and are sent
 * first, so they can use at most the headroom above the input rate.
 */
public final class LiveCongestionControl {

    /** libsrt BW_INFINITE: 1 Gbit/s in bytes per second. */
    public static final long INFINITE_BANDWIDTH = 1_000_000_000L / 8;
    /** UDP/IP (28) + SRT (16) header bytes counted per packet. */
    public static final int PACKET_HEADER_BYTES = 44;

    private final long maxBandwidth;
    private final long inputBandwidth;
    private final long minInputBandwidth;
    private final int overheadPercent;
    private final InputRateEstimator inputRate;
    private double averagePayload;
    private long bandwidth = INFINITE_BANDWIDTH;
    private double periodMicros;

    public LiveCongestionControl(long maxBandwidth, long inputBandwidth, long minInputBandwidth, int overheadPercent,
                                 int maxPayloadSize, InputRateEstimator inputRate) {
        this.maxBandwidth = maxBandwidth;
        this.inputBandwidth = inputBandwidth;
        this.minInputBandwidth = minInputBandwidth;
        this.overheadPercent = overheadPercent;
        this.inputRate = inputRate;
        this.averagePayload = maxPayloadSize;
        update();
    }

    /** A packet was handed over by the application: follows the average payload size (libsrt's 1/128 filter). */
    public void onPacketSubmitted(int payloadLength) {
        averagePayload = (averagePayload * 127 + payloadLength) / 128;
    }

    /** Recomputes the ceiling and the period (libsrt does it on every ACK). */
    public void update() {
        if (maxBandwidth > 0) {
            bandwidth = maxBandwidth;
        } else if (maxBandwidth < 0) {
            bandwidth = INFINITE_BANDWIDTH;
        } else {
            long input = inputBandwidth > 0 ? inputBandwidth : Math.max(minInputBandwidth, inputRate.bytesPerSecond());
            if (input > 0) {
                bandwidth = input * (100 + overheadPercent) / 100;
            }
        }
        periodMicros = 1_000_000.0 * (averagePayload + PACKET_HEADER_BYTES) / bandwidth;
    }

    /** Microseconds between two packets (libsrt usPktSndPeriod). */
    public double packetPeriodMicros() {
        return periodMicros;
    }

    /** The current ceiling in bytes per second (libsrt mbpsMaxBW × 125000). */
    public long bandwidthCeiling() {
        return bandwidth;
    }
}
