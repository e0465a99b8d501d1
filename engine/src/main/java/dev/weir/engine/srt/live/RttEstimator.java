package dev.weir.engine.srt.live;

/**
 * Smoothed round-trip time and its variance, in microseconds, with libsrt's filters: before any measurement
 * RTT is 100 ms and variance 50 ms; the first sample replaces both (variance = sample / 2); later samples update
 * {@code rttVar = 3/4 rttVar + 1/4 |rtt - sample|} (with the old RTT) and then {@code rtt = 7/8 rtt + 1/8 sample}.
 *
 * <p>A receiver feeds its own ACK→ACKACK samples; a sender feeds the RTT its peer reports in each full ACK
 * ({@link #onPeerReport}).
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
     * The RTT and variance a peer reported in a full ACK, taken as libsrt 1.5's sender takes them. The first report
     * that is not the peer's initial 100/50 ms replaces both. After that, when we only send ({@code bidirectional}
     * false: no data packet received yet), the peer's values are taken as they are: they are already smoothed, and
     * smoothing them again would shrink the variance to the variation <em>of the average</em>, which makes
     * {@code SRTT - 4·RTTVar} (the sender's "retransmit right time") almost a whole RTT and suppresses the second
     * copy of a lost retransmission for longer than libsrt does. With data flowing both ways libsrt smooths the
     * report again (reports equal to both initial values ignored), and so does this.
     */
    public void onPeerReport(int peerRttMicros, int peerRttVarMicros, boolean bidirectional) {
        if (peerRttMicros <= 0) {
            return;
        }
        int peerVar = Math.max(0, peerRttVarMicros);
        if (!measured) {
            if (peerRttMicros == INITIAL_RTT_MICROS || peerVar == INITIAL_RTT_VAR_MICROS) {
                return; // the peer has not measured anything yet either
            }
            rtt = peerRttMicros;
            rttVar = peerVar;
            measured = true;
            return;
        }
        if (!bidirectional) {
            rtt = peerRttMicros;
            rttVar = peerVar;
            return;
        }
        if (peerRttMicros == INITIAL_RTT_MICROS && peerVar == INITIAL_RTT_VAR_MICROS) {
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
