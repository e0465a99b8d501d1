package dev.weir.engine.srt.live;

/**
 * Smoothed round-trip time and its variance, in microseconds, with libsrt's filters: before any measurement
 * RTT is 100 ms and variance 50 ms; the first sample replaces both (variance = sample / 2); later samples update
 * {@code rttVar = 3/4 rttVar + 1/4 |rtt - sample|} (with the old RTT) and then {@code rtt = 7/8 rtt + 1/8 sample}.
 *
 * <p>A receiver feeds its own ACK→ACKACK samples; a sender feeds the RTT its peer reports in each full ACK.
 */
public final class RttEstimator {

    public static final int INITIAL_RTT_MICROS = 100_000;
    public static final int INITIAL_RTT_VAR_MICROS = 50_000;

    private int rtt = INITIAL_RTT_MICROS;
    private int rttVar = INITIAL_RTT_VAR_MICROS;
    private boolean measured;

    /** One round-trip measurement. */
    public void onSample(int sampleMicros) {
        if (sampleMicros < 0) {
            return;
        }
        if (!measured) {
            rtt = sampleMicros;
            rttVar = sampleMicros / 2;
            measured = true;
            return;
        }
        rttVar = (3 * rttVar + Math.abs(rtt - sampleMicros)) / 4;
        rtt = (7 * rtt + sampleMicros) / 8;
    }

    /**
     * The RTT and variance a peer reported in a full ACK (the sender side of libsrt smooths those the same way,
     * but takes the peer's variance as is on the first report).
     */
    public void onPeerReport(int peerRttMicros, int peerRttVarMicros) {
        if (peerRttMicros <= 0) {
            return;
        }
        if (!measured) {
            if (peerRttMicros == INITIAL_RTT_MICROS) {
                return; // the peer has not measured anything yet either
            }
            rtt = peerRttMicros;
            rttVar = Math.max(0, peerRttVarMicros);
            measured = true;
            return;
        }
        rttVar = (3 * rttVar + Math.abs(rtt - peerRttMicros)) / 4;
        rtt = (7 * rtt + peerRttMicros) / 8;
    }

    public int rttMicros() {
        return rtt;
    }

    public int rttVarMicros() {
        return rttVar;
    }

    public boolean measured() {
        return measured;
    }
}
