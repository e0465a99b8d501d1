package dev.weir.engine.srt.stats;

import java.util.List;

/**
 * One snapshot of an SRT connection's statistics, named and classed as libsrt's {@code SRT_TRACEBSTATS}
 * ({@code srt_bstats}): {@link Totals accumulated} since the connection started, {@link Interval} since the previous
 * snapshot that cleared the interval, and {@link Instant instantaneous} values. Immutable; the console, the HTTP
 * API and {@code weir transmit -stats} all read this one type.
 *
 * @param msTimeStamp ms since the connection started
 * @param total       accumulated counters ({@code ...Total} in libsrt)
 * @param interval    counters since the last interval reset, with rates
 * @param instant     current windows, buffers, RTT and bandwidth
 * @param keys        encryption state and recent key-material events (empty when not encrypted)
 */
public record SrtStats(long msTimeStamp, Totals total, Interval interval, Instant instant, KeyMaterialStatus keys) {

    /**
     * Accumulated counters; names are libsrt's without the {@code Total} suffix.
     */
    public record Totals(long pktSent, long pktSentUnique, long pktRecv, long pktRecvUnique, long pktSndLoss,
                         long pktRcvLoss, long pktRetrans, long pktRcvRetrans, long pktSndDrop, long pktRcvDrop,
                         long pktRcvUndecrypt, long pktRcvBelated, long pktSentACK, long pktRecvACK, long pktSentNAK,
                         long pktRecvNAK, long byteSent, long byteSentUnique, long byteRecv, long byteRecvUnique,
                         long byteRcvLoss, long byteRetrans, long byteSndDrop, long byteRcvDrop,
                         long byteRcvUndecrypt) {
    }

    /** Counters over the last interval and the rates they give (Mbit/s, as libsrt computes them). */
    public record Interval(long msInterval, long pktSent, long pktSentUnique, long pktRecv, long pktRecvUnique,
                           long pktSndLoss, long pktRcvLoss, long pktRetrans, long pktRcvRetrans, long pktSndDrop,
                           long pktRcvDrop, long pktRcvUndecrypt, long pktRcvBelated, long pktSentACK,
                           long pktRecvACK, long pktSentNAK, long pktRecvNAK, long byteSent, long byteSentUnique,
                           long byteSndDrop, long byteRecv, long byteRecvUnique, long byteRcvLoss, long byteRcvDrop,
                           double mbpsSendRate, double mbpsRecvRate) {
    }

    /** Instantaneous values. */
    public record Instant(double usPktSndPeriod, int pktFlowWindow, int pktCongestionWindow, int pktFlightSize,
                          double msRTT, double msRTTVar, double mbpsBandwidth, double mbpsMaxBW, int byteMSS,
                          int pktSndBuf, long byteSndBuf, int msSndBuf, int msSndTsbPdDelay, long byteAvailSndBuf,
                          int pktRcvBuf, long byteRcvBuf, int msRcvBuf, int msRcvTsbPdDelay, long byteAvailRcvBuf,
                          int pktReorderTolerance) {
    }

    /**
     * Encryption state.
     *
     * @param encrypted   whether the connection is encrypted at all
     * @param keyLength   AES key length in bytes (0 when clear)
     * @param sendKey     key the sender encrypts with now: "even", "odd" or "none"
     * @param keySwitches how many times the sending key changed
     * @param events      the most recent key-material events, oldest first (bounded)
     */
    public record KeyMaterialStatus(boolean encrypted, int keyLength, String sendKey, long keySwitches,
                                    List<KeyMaterialEvent> events) {
        public KeyMaterialStatus {
            events = List.copyOf(events);
        }

        public static final KeyMaterialStatus CLEAR = new KeyMaterialStatus(false, 0, "none", 0, List.of());
    }
}
