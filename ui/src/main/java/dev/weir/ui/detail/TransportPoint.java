package dev.weir.ui.detail;

/**
 * One point of a stream's transport charts, taken with the {@link BitratePoint} of the same time.
 *
 * @param secondsSinceOpen   as in {@link BitratePoint}
 * @param rttMs              the SRT publisher's smoothed round-trip time ({@code msRTT}); 0 for RTMP
 * @param lost               packets reported lost since the previous point ({@code pktRcvLoss} + {@code pktSndLoss})
 * @param retransmitted      packets retransmitted since the previous point ({@code pktRetrans} + {@code pktRcvRetrans})
 * @param receiveBufferMs    time span of the receive buffer ({@code msRcvBuf})
 * @param tsbpdDelayMs       the negotiated receiver latency ({@code msRcvTsbPdDelay})
 * @param keyframeIntervalSec seconds between the last two keyframes, 0 when unknown
 */
public record TransportPoint(double secondsSinceOpen, double rttMs, long lost, long retransmitted,
                             double receiveBufferMs, double tsbpdDelayMs, double keyframeIntervalSec) {
}
