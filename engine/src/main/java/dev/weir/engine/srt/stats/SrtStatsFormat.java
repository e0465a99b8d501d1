package dev.weir.engine.srt.stats;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints {@link SrtStats} the way {@code srt-live-transmit -s ... -pf json|csv} does (libsrt 1.5 apps/statswriter),
 * with the same keys, categories and column names, so tools written for its output read ours:
 * <ul>
 *   <li>JSON: {@code {"sid":N,"timepoint":"...","time":ms,"window":{"flow","congestion","flight"},
 *       "link":{"rtt","bandwidth","maxBandwidth"},"send":{...},"recv":{...}}} on one line;</li>
 *   <li>CSV: a header line {@code Timepoint,Time,SocketID,<field names as in SRT_TRACEBSTATS>} then one line per
 *       report.</li>
 * </ul>
 * Counters are those of the report interval, as srt-live-transmit prints them (it clears the interval each time),
 * unless the caller passes stats whose interval is the whole connection.
 */
public enum SrtStatsFormat {
    JSON, CSV;

    private enum Category { GEN, WINDOW, LINK, SEND, RECV }

    private record Field(Category category, String name, String longName, Function<SrtStats, Object> value) {
    }

    private static Field f(Category c, String name, String longName, Function<SrtStats, Object> value) {
        return new Field(c, name, longName, value);
    }

    private static final List<Field> FIELDS = List.of(
            f(Category.GEN, "time", "Time", s -> s.msTimeStamp()),
            f(Category.WINDOW, "flow", "pktFlowWindow", s -> s.instant().pktFlowWindow()),
            f(Category.WINDOW, "congestion", "pktCongestionWindow", s -> s.instant().pktCongestionWindow()),
            f(Category.WINDOW, "flight", "pktFlightSize", s -> s.instant().pktFlightSize()),
            f(Category.LINK, "rtt", "msRTT", s -> s.instant().msRTT()),
            f(Category.LINK, "bandwidth", "mbpsBandwidth", s -> s.instant().mbpsBandwidth()),
            f(Category.LINK, "maxBandwidth", "mbpsMaxBW", s -> s.instant().mbpsMaxBW()),
            f(Category.SEND, "packets", "pktSent", s -> s.interval().pktSent()),
            f(Category.SEND, "packetsUnique", "pktSentUnique", s -> s.interval().pktSentUnique()),
            f(Category.SEND, "packetsLost", "pktSndLoss", s -> s.interval().pktSndLoss()),
            f(Category.SEND, "packetsDropped", "pktSndDrop", s -> s.interval().pktSndDrop()),
            f(Category.SEND, "packetsRetransmitted", "pktRetrans", s -> s.interval().pktRetrans()),
            f(Category.SEND, "packetsFilterExtra", "pktSndFilterExtra", s -> 0),
            f(Category.SEND, "bytes", "byteSent", s -> s.interval().byteSent()),
            f(Category.SEND, "bytesUnique", "byteSentUnique", s -> s.interval().byteSentUnique()),
            f(Category.SEND, "bytesDropped", "byteSndDrop", s -> s.interval().byteSndDrop()),
            f(Category.SEND, "byteAvailBuf", "byteAvailSndBuf", s -> s.instant().byteAvailSndBuf()),
            f(Category.SEND, "msBuf", "msSndBuf", s -> s.instant().msSndBuf()),
            f(Category.SEND, "mbitRate", "mbpsSendRate", s -> s.interval().mbpsSendRate()),
            f(Category.SEND, "sendPeriod", "usPktSndPeriod", s -> s.instant().usPktSndPeriod()),
            f(Category.RECV, "packets", "pktRecv", s -> s.interval().pktRecv()),
            f(Category.RECV, "packetsUnique", "pktRecvUnique", s -> s.interval().pktRecvUnique()),
            f(Category.RECV, "packetsLost", "pktRcvLoss", s -> s.interval().pktRcvLoss()),
            f(Category.RECV, "packetsDropped", "pktRcvDrop", s -> s.interval().pktRcvDrop()),
            f(Category.RECV, "packetsRetransmitted", "pktRcvRetrans", s -> s.interval().pktRcvRetrans()),
            f(Category.RECV, "packetsBelated", "pktRcvBelated", s -> s.interval().pktRcvBelated()),
            f(Category.RECV, "packetsFilterExtra", "pktRcvFilterExtra", s -> 0),
            f(Category.RECV, "packetsFilterSupply", "pktRcvFilterSupply", s -> 0),
            f(Category.RECV, "packetsFilterLoss", "pktRcvFilterLoss", s -> 0),
            f(Category.RECV, "bytes", "byteRecv", s -> s.interval().byteRecv()),
            f(Category.RECV, "bytesUnique", "byteRecvUnique", s -> s.interval().byteRecvUnique()),
            f(Category.RECV, "bytesLost", "byteRcvLoss", s -> s.interval().byteRcvLoss()),
            f(Category.RECV, "bytesDropped", "byteRcvDrop", s -> s.interval().byteRcvDrop()),
            f(Category.RECV, "byteAvailBuf", "byteAvailRcvBuf", s -> s.instant().byteAvailRcvBuf()),
            f(Category.RECV, "msBuf", "msRcvBuf", s -> s.instant().msRcvBuf()),
            f(Category.RECV, "mbitRate", "mbpsRecvRate", s -> s.interval().mbpsRecvRate()),
            f(Category.RECV, "msTsbPdDelay", "msRcvTsbPdDelay", s -> s.instant().msRcvTsbPdDelay()));

    /** The CSV header line (no line end); JSON has none. */
    public String header() {
        if (this == JSON) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Timepoint,Time,SocketID");
        for (Field field : FIELDS) {
            sb.append(',').append(field.longName());
        }
        return sb.toString();
    }

    /**
     * One report line (no line end).
     *
     * @param socketId  the connection's local socket id, as srt-live-transmit prints it
     * @param timepoint ISO 8601 wall-clock time of the report
     */
    public String format(int socketId, String timepoint, SrtStats stats) {
        return this == JSON ? json(socketId, timepoint, stats) : csv(socketId, timepoint, stats);
    }

    private static String json(int socketId, String timepoint, SrtStats stats) {
        StringBuilder sb = new StringBuilder("{\"sid\":").append(socketId);
        sb.append(",\"timepoint\":\"").append(timepoint).append('"');
        Category current = Category.GEN;
        boolean first = false; // "sid" and "timepoint" open the general category
        for (Field field : FIELDS) {
            if (field.category() != current) {
                if (current != Category.GEN) {
                    sb.append('}');
                }
                current = field.category();
                sb.append(",\"").append(current.name().toLowerCase(Locale.ROOT)).append("\":{");
                first = true;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(field.name()).append("\":").append(number(field.value().apply(stats)));
        }
        if (current != Category.GEN) {
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    private static String csv(int socketId, String timepoint, SrtStats stats) {
        StringBuilder sb = new StringBuilder(timepoint).append(',').append(stats.msTimeStamp()).append(',')
                .append(socketId);
        for (Field field : FIELDS) {
            sb.append(',').append(number(field.value().apply(stats)));
        }
        return sb.toString();
    }

    /** C++ ostream default formatting: integers as is, doubles with 6 significant digits and no trailing zeros. */
    static String number(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            String s = String.format(Locale.ROOT, "%.6g", d);
            if (s.contains("e")) {
                return s;
            }
            s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
            return s;
        }
        return String.valueOf(value);
    }
}
