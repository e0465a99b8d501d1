package dev.weir.ui.detail;

import dev.weir.engine.srt.stats.SrtStats;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The SRT publisher's statistics under libsrt's own names ({@code SRT_TRACEBSTATS}), so an operator can compare
 * them with {@code srt-live-transmit -stats} or ffmpeg's output. Three columns of name/value pairs: instant
 * values, totals, interval rates. Labels are created once and only their text changes.
 */
final class SrtStatsGrid extends GridPane {
    private record Stat(String name, Function<SrtStats, String> value) {}

    private static final List<Stat> INSTANT = List.of(
            stat("msRTT", s -> ms(s.instant().msRTT())),
            stat("msRTTVar", s -> ms(s.instant().msRTTVar())),
            stat("mbpsBandwidth", s -> mbps(s.instant().mbpsBandwidth())),
            stat("mbpsMaxBW", s -> mbps(s.instant().mbpsMaxBW())),
            stat("pktFlowWindow", s -> n(s.instant().pktFlowWindow())),
            stat("pktCongestionWindow", s -> n(s.instant().pktCongestionWindow())),
            stat("pktFlightSize", s -> n(s.instant().pktFlightSize())),
            stat("msRcvBuf", s -> n(s.instant().msRcvBuf()) + " ms"),
            stat("pktRcvBuf", s -> n(s.instant().pktRcvBuf())),
            stat("msRcvTsbPdDelay", s -> n(s.instant().msRcvTsbPdDelay()) + " ms"),
            stat("msSndTsbPdDelay", s -> n(s.instant().msSndTsbPdDelay()) + " ms"),
            stat("byteMSS", s -> n(s.instant().byteMSS())));
    private static final List<Stat> TOTALS = List.of(
            stat("pktRecvTotal", s -> n(s.total().pktRecv())),
            stat("pktRcvLossTotal", s -> n(s.total().pktRcvLoss())),
            stat("pktRcvRetransTotal", s -> n(s.total().pktRcvRetrans())),
            stat("pktRcvDropTotal", s -> n(s.total().pktRcvDrop())),
            stat("pktRcvBelatedTotal", s -> n(s.total().pktRcvBelated())),
            stat("pktRcvUndecryptTotal", s -> n(s.total().pktRcvUndecrypt())),
            stat("pktSentTotal", s -> n(s.total().pktSent())),
            stat("pktSndLossTotal", s -> n(s.total().pktSndLoss())),
            stat("pktRetransTotal", s -> n(s.total().pktRetrans())),
            stat("pktSentNAKTotal", s -> n(s.total().pktSentNAK())),
            stat("byteRecvTotal", s -> n(s.total().byteRecv())),
            stat("byteRcvLossTotal", s -> n(s.total().byteRcvLoss())));
    private static final List<Stat> INTERVAL = List.of(
            stat("msTimeStamp", s -> n(s.msTimeStamp()) + " ms"),
            stat("mbpsRecvRate", s -> mbps(s.interval().mbpsRecvRate())),
            stat("mbpsSendRate", s -> mbps(s.interval().mbpsSendRate())),
            stat("pktRecv", s -> n(s.interval().pktRecv())),
            stat("pktRcvLoss", s -> n(s.interval().pktRcvLoss())),
            stat("pktRcvRetrans", s -> n(s.interval().pktRcvRetrans())),
            stat("pktRcvDrop", s -> n(s.interval().pktRcvDrop())),
            stat("pktSentACK", s -> n(s.interval().pktSentACK())),
            stat("pktSentNAK", s -> n(s.interval().pktSentNAK())),
            stat("encrypted", s -> s.keys().encrypted() ? "yes" : "no"),
            stat("pbkeylen", s -> s.keys().encrypted() ? s.keys().keyLength() + " bytes" : "—"),
            stat("sendKey", s -> s.keys().sendKey()));

    private final List<Stat> stats = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final Label none = new Label("The publisher is not an SRT connection: no SRT statistics.");

    SrtStatsGrid() {
        setId("detail-srt-stats");
        getStyleClass().addAll("detail-facts", "srt-stats");
        int column = 0;
        for (List<Stat> group : List.of(INSTANT, TOTALS, INTERVAL)) {
            for (int row = 0; row < group.size(); row++) {
                Stat st = group.get(row);
                Label name = new Label(st.name());
                name.getStyleClass().add("fact-name");
                Label value = new Label("—");
                value.getStyleClass().add("fact-value");
                value.setId("srt-" + st.name());
                value.setMinWidth(130);
                add(name, column, row);
                add(value, column + 1, row);
                stats.add(st);
                values.add(value);
            }
            column += 2;
        }
        none.getStyleClass().add("placeholder");
        add(none, 0, INSTANT.size(), 6, 1);
    }

    void show(SrtStats s) {
        none.setVisible(s == null);
        for (int i = 0; i < stats.size(); i++) {
            values.get(i).setText(s == null ? "—" : stats.get(i).value().apply(s));
        }
    }

    private static Stat stat(String name, Function<SrtStats, String> value) {
        return new Stat(name, value);
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    private static String mbps(double v) {
        return String.format(Locale.ROOT, "%.3f Mbit/s", v);
    }
}
