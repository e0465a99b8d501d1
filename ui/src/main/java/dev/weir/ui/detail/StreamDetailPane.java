package dev.weir.ui.detail;

import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.ConnectionSnapshot;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import java.util.function.Consumer;
import java.util.function.Function;

import java.time.Duration;
import javafx.scene.layout.Region;
import java.util.Set;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.VideoInfo;
import dev.weir.ui.format.BitrateFormat;
import dev.weir.ui.format.ByteCountFormat;
import dev.weir.ui.format.DurationFormat;
import dev.weir.ui.format.MediaFormat;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detail of one stream: its numbers in labelled columns and its in/out bit rate over the last minutes.
 *
 * <p>Everything this pane listens to is registered through {@link #dispose()}'s subscription, so the console can
 * drop the pane (and the view model's history with it) when the selection changes.
 */
public final class StreamDetailPane extends VBox {
    private final StreamDetailViewModel viewModel;
    private final Label title = new Label();
    private final Label gone = new Label("This stream has ended; the numbers are the last ones seen.");
    private final GridPane facts = new GridPane();
    private final List<Label> values = new ArrayList<>();
    private final SrtStatsGrid srtGrid = new SrtStatsGrid();
    private final Label activeKey = new Label("—");
    private Subscription subscriptions;

    /**
     * @param disconnect ends a player's connection by id (the console runs it off the FX thread); {@code null}
     *                   for a pane without Disconnect buttons
     */
    public StreamDetailPane(StreamDetailViewModel viewModel, Consumer<String> disconnect) {
        this.viewModel = viewModel;
        setId("stream-detail");
        getStyleClass().add("stream-detail");

        title.setId("detail-title");
        title.getStyleClass().add("section-title");
        title.setText(viewModel.key());
        gone.setId("detail-gone");
        gone.getStyleClass().add("detail-gone");
        gone.managedProperty().bind(gone.visibleProperty());
        HBox header = new HBox(12, title, gone);
        header.getStyleClass().add("detail-header");

        buildFacts();
        HistoryChart<BitratePoint> bitrate = new HistoryChart<>("bitrate-chart", "Bit rate",
                bps -> BitrateFormat.format(Math.round(bps)), viewModel.history(), BitratePoint::secondsSinceOpen,
                viewModel.span(), List.of(new HistoryChart.Line<>("In", p -> p.bitrateIn()),
                new HistoryChart.Line<>("Out", p -> p.bitrateOut())));
        bitrate.getStyleClass().add("bitrate-chart");
        bitrate.setMinHeight(160);
        HBox overview = new HBox(16, facts, bitrate);
        HBox.setHgrow(bitrate, Priority.ALWAYS);

        HistoryChart<TransportPoint> rtt = new HistoryChart<>("rtt-chart", "ms", v -> String.format(Locale.ROOT, "%.1f", v),
                viewModel.transport(), TransportPoint::secondsSinceOpen, viewModel.span(),
                List.of(new HistoryChart.Line<>("RTT", TransportPoint::rttMs)));
        HistoryChart<TransportPoint> loss = new HistoryChart<>("loss-chart", "packets/s", StreamDetailPane::whole,
                viewModel.transport(), TransportPoint::secondsSinceOpen, viewModel.span(),
                List.of(new HistoryChart.Line<>("Lost", p -> p.lost()), new HistoryChart.Line<>("Retransmitted", p -> p.retransmitted())));
        HistoryChart<TransportPoint> buffer = new HistoryChart<>("buffer-chart", "ms", StreamDetailPane::whole,
                viewModel.transport(), TransportPoint::secondsSinceOpen, viewModel.span(),
                List.of(new HistoryChart.Line<>("Receive buffer", TransportPoint::receiveBufferMs),
                        new HistoryChart.Line<>("TSBPD delay", TransportPoint::tsbpdDelayMs)));
        HistoryChart<TransportPoint> keyframes = new HistoryChart<>("keyframe-chart", "s",
                v -> String.format(Locale.ROOT, "%.1f", v), viewModel.transport(), TransportPoint::secondsSinceOpen,
                viewModel.span(), List.of(new HistoryChart.Line<>("Keyframe interval", TransportPoint::keyframeIntervalSec)));
        GridPane charts = new GridPane();
        charts.getStyleClass().add("chart-grid");
        charts.add(rtt, 0, 0);
        charts.add(loss, 1, 0);
        charts.add(buffer, 0, 1);
        charts.add(keyframes, 1, 1);
        rtt.setTitle("Round-trip time (msRTT)");
        loss.setTitle("Lost and retransmitted packets");
        buffer.setTitle("Receive buffer (msRcvBuf) and TSBPD delay");
        keyframes.setTitle("Keyframe interval");
        for (HistoryChart<?> c : List.of(rtt, loss, buffer, keyframes)) {
            c.setMinHeight(150);
            c.setPrefHeight(190);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
        }
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);

        Tab overviewTab = tab("Overview", "detail-tab-overview", overview);
        Tab chartsTab = tab("Transport charts", "detail-tab-charts", charts);
        Tab srtTab = tab("SRT statistics", "detail-tab-srt", scroll(srtGrid));
        Tab keysTab = tab("Key rotation", "detail-tab-keys", keyTimeline());
        Tab playersTab = tab("Players", "detail-tab-players", playersTable(disconnect));
        TabPane tabs = new TabPane(overviewTab, chartsTab, srtTab, keysTab, playersTab);
        tabs.setId("detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, tabs);

        subscriptions = Subscription.combine(
                viewModel.streamProperty().subscribe(this::show),
                viewModel.presentProperty().subscribe(present -> gone.setVisible(!present)),
                viewModel.publisherProperty().subscribe(this::showPublisher),
                bitrate.subscription(), rtt.subscription(), loss.subscription(), buffer.subscription(),
                keyframes.subscription());
    }

    /** The pane without a disconnect action (for screens that only watch, e.g. a remote server): no such buttons. */
    public StreamDetailPane(StreamDetailViewModel viewModel) {
        this(viewModel, null);
    }

    public StreamDetailViewModel viewModel() {
        return viewModel;
    }

    /** Stops listening to the view model; the pane shows its last state until it is removed from the scene. */
    public void dispose() {
        if (subscriptions != null) {
            subscriptions.unsubscribe();
            subscriptions = null;
        }
    }

    private static Tab tab(String name, String id, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    private static ScrollPane scroll(javafx.scene.Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        s.getStyleClass().add("detail-scroll");
        return s;
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private VBox keyTimeline() {
        Label name = new Label("Active key");
        name.getStyleClass().add("fact-name");
        activeKey.setId("detail-active-key");
        activeKey.getStyleClass().add("fact-value");
        HBox top = new HBox(10, name, activeKey);
        ListView<KeyMaterialEvent> events = new ListView<>(viewModel.keyEvents());
        events.setId("detail-key-events");
        Label none = new Label("No key-material events: the stream is in the clear, or its first key is still in use.");
        none.getStyleClass().add("placeholder");
        events.setPlaceholder(none);
        events.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(KeyMaterialEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : String.format(Locale.ROOT, "%10s   %-18s %s",
                        DurationFormat.format(Duration.ofMillis(e.msTimeStamp())), describe(e.kind()),
                        "both".equals(e.key()) ? "even and odd keys" : e.key() + " key"));
            }
        });
        VBox.setVgrow(events, Priority.ALWAYS);
        VBox box = new VBox(8, top, events);
        box.getStyleClass().add("detail-tab-body");
        return box;
    }

    private static String describe(KeyMaterialEvent.Kind kind) {
        return switch (kind) {
            case PRE_ANNOUNCED -> "pre-announced";
            case SWITCHED -> "switched to";
            case DECOMMISSIONED -> "retired";
            case PEER_ACKNOWLEDGED -> "peer acknowledged";
            case PEER_REFRESHED -> "peer refreshed";
            case PEER_REJECTED -> "peer rejected";
        };
    }

    private TableView<PlayerRow> playersTable(Consumer<String> disconnect) {
        TableView<PlayerRow> table = new TableView<>(viewModel.players());
        table.setId("detail-players");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label("No players on this stream.");
        none.getStyleClass().add("placeholder");
        table.setPlaceholder(none);
        table.getColumns().add(playerColumn("Connection", 90, c -> c.id()));
        table.getColumns().add(playerColumn("Protocol", 70, c -> c.protocol().name()));
        table.getColumns().add(playerColumn("Address", 150, ConnectionSnapshot::remoteAddress));
        table.getColumns().add(playerColumn("Uptime", 70, c -> DurationFormat.format(c.uptime())));
        table.getColumns().add(playerColumn("Bit rate", 90, c -> BitrateFormat.format(c.bitrateOut())));
        table.getColumns().add(playerColumn("Sent", 80, c -> ByteCountFormat.format(c.bytesOut())));
        table.getColumns().add(playerColumn("Dropped", 70, c -> String.valueOf(c.droppedMessages())));
        table.getColumns().add(playerColumn("RTT", 70, c -> c.srt() == null ? "—"
                : String.format(Locale.ROOT, "%.1f ms", c.srt().instant().msRTT())));
        table.getColumns().add(playerColumn("Lost / retrans.", 100, c -> c.srt() == null ? "—"
                : c.srt().total().pktSndLoss() + " / " + c.srt().total().pktRetrans()));
        if (disconnect == null) return table;
        TableColumn<PlayerRow, Void> action = new TableColumn<>("");
        action.setMinWidth(110);
        action.setSortable(false);
        action.setCellFactory(col -> new TableCell<>() {
            private final Button button = new Button("Disconnect");

            {
                button.getStyleClass().add("small");
                button.setOnAction(e -> {
                    PlayerRow row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null) {
                        button.setDisable(true);
                        disconnect.accept(row.id());
                    }
                });
            }

            @Override
            protected void updateItem(Void item, boolean empty) {
                super.updateItem(item, empty);
                PlayerRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    button.setId("disconnect-" + row.id());
                    button.setDisable(false);
                }
                setGraphic(row == null ? null : button);
            }
        });
        table.getColumns().add(action);
        return table;
    }

    private static TableColumn<PlayerRow, String> playerColumn(String title, double width, Function<ConnectionSnapshot, String> text) {
        TableColumn<PlayerRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> Bindings.createStringBinding(
                () -> f.getValue().snapshotProperty().get() == null ? null : text.apply(f.getValue().snapshotProperty().get()),
                f.getValue().snapshotProperty()));
        return c;
    }

    private void showPublisher(ConnectionSnapshot publisher) {
        SrtStats srt = publisher == null ? null : publisher.srt();
        srtGrid.show(srt);
        if (srt == null) {
            activeKey.setText(publisher == null ? "—" : "not SRT");
        } else if (!srt.keys().encrypted()) {
            activeKey.setText("none (clear)");
        } else {
            activeKey.setText(srt.keys().sendKey() + " · AES-" + srt.keys().keyLength() * 8 + " · "
                    + srt.keys().keySwitches() + " switches");
        }
    }

    private static final String[] FACTS = {
            "Publisher", "Protocol", "State", "Uptime",
            "Video", "Level", "Resolution", "Frame rate", "Keyframe interval",
            "Audio", "Sample rate", "Channels",
            "Bit rate in", "Received", "Bit rate out", "Sent",
            "Players", "Dropped messages", "Slow players cut off",
    };

    /** Facts from "Audio" on go in a second column, so the pane stays short. */
    private static final int SECOND_COLUMN = 9;

    /** The first fact of each group (video, audio, traffic, players) gets a little space above it. */
    private static final Set<String> GROUP_STARTS = Set.of("Video", "Bit rate in", "Players");

    private void buildFacts() {
        facts.getStyleClass().add("detail-facts");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints data = new ColumnConstraints();
        data.setPrefWidth(150);
        data.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints names2 = new ColumnConstraints();
        names2.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints data2 = new ColumnConstraints();
        data2.setPrefWidth(130);
        data2.setMinWidth(Region.USE_PREF_SIZE);
        facts.getColumnConstraints().addAll(names, data, names2, data2);
        for (int i = 0; i < FACTS.length; i++) {
            Label name = new Label(FACTS[i]);
            name.getStyleClass().add("fact-name");
            Label value = new Label(MediaFormat.UNKNOWN);
            value.getStyleClass().add("fact-value");
            value.setId("detail-" + FACTS[i].toLowerCase(Locale.ROOT).replace(' ', '-'));
            if (GROUP_STARTS.contains(FACTS[i])) {
                name.getStyleClass().add("fact-group-start");
                value.getStyleClass().add("fact-group-start");
            }
            int column = i < SECOND_COLUMN ? 0 : 2;
            facts.add(name, column, i < SECOND_COLUMN ? i : i - SECOND_COLUMN);
            facts.add(value, column + 1, i < SECOND_COLUMN ? i : i - SECOND_COLUMN);
            values.add(value);
        }
    }

    private void show(StreamSnapshot s) {
        if (s == null) {
            return;
        }
        VideoInfo v = s.video() == null ? VideoInfo.NONE : s.video();
        AudioInfo a = s.audio() == null ? AudioInfo.NONE : s.audio();
        String[] texts = {
                MediaFormat.text(s.publisherAddress()),
                s.protocol() == null ? MediaFormat.UNKNOWN : s.protocol().name(),
                s.state() == null ? MediaFormat.UNKNOWN : s.state() == StreamSnapshot.StreamState.PUBLISHING ? "Publishing" : "Idle",
                DurationFormat.format(s.uptime()),
                MediaFormat.codec(v.codec(), v.profile()),
                MediaFormat.text(v.level()),
                MediaFormat.resolution(v.width(), v.height()),
                v.fps() > 0 ? MediaFormat.frameRate(v.fps()) + " fps" : MediaFormat.UNKNOWN,
                s.keyframeIntervalSec() > 0 ? String.format(Locale.ROOT, "%.1f s", s.keyframeIntervalSec()) : MediaFormat.UNKNOWN,
                MediaFormat.codec(a.codec(), a.profile()),
                MediaFormat.sampleRate(a.sampleRate()),
                MediaFormat.channels(a.channels()),
                BitrateFormat.format(s.bitrateIn()),
                ByteCountFormat.format(s.bytesIn()),
                BitrateFormat.format(s.bitrateOut()),
                ByteCountFormat.format(s.bytesOut()),
                String.valueOf(s.players()),
                String.valueOf(s.droppedMessages()),
                String.valueOf(s.slowPlayerDisconnects()),
        };
        for (int i = 0; i < texts.length; i++) {
            values.get(i).setText(texts[i]);
        }
    }
}
