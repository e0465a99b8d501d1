package dev.weir.ui.detail;

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
    private final XYChart.Series<Number, Number> in = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> out = new XYChart.Series<>();
    private final ListChangeListener<BitratePoint> historyListener = this::onHistoryChanged;
    private final NumberAxis time = new NumberAxis();
    private Subscription subscriptions;

    public StreamDetailPane(StreamDetailViewModel viewModel) {
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
        LineChart<Number, Number> chart = buildChart();
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox body = new HBox(16, facts, chart);
        HBox.setHgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);

        in.getData().addAll(toData(viewModel.history(), true));
        out.getData().addAll(toData(viewModel.history(), false));
        fitTimeAxis();
        viewModel.history().addListener(historyListener);
        subscriptions = Subscription.combine(
                viewModel.streamProperty().subscribe(this::show),
                viewModel.presentProperty().subscribe(present -> gone.setVisible(!present)),
                () -> viewModel.history().removeListener(historyListener));
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

    private static final String[] FACTS = {
            "Publisher", "Protocol", "State", "Uptime",
            "Video", "Level", "Resolution", "Frame rate", "Keyframe interval",
            "Audio", "Sample rate", "Channels",
            "Bit rate in", "Received", "Bit rate out", "Sent",
            "Players", "Dropped messages", "Slow players cut off",
    };

    /** The first fact of each group (video, audio, traffic, players) gets a little space above it. */
    private static final Set<String> GROUP_STARTS = Set.of("Video", "Audio", "Bit rate in", "Players");

    private void buildFacts() {
        facts.getStyleClass().add("detail-facts");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints data = new ColumnConstraints();
        data.setPrefWidth(170);
        data.setMinWidth(Region.USE_PREF_SIZE);
        facts.getColumnConstraints().addAll(names, data);
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
            facts.addRow(i, name, value);
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

    private LineChart<Number, Number> buildChart() {
        time.setLabel("Time since selected");
        time.setAutoRanging(false);
        time.setMinorTickCount(0);
        time.setAnimated(false);
        time.setTickLabelFormatter(converter(seconds -> DurationFormat.format(Duration.ofMillis((long) (seconds * 1000)))));
        NumberAxis rate = new NumberAxis();
        rate.setLabel("Bit rate");
        rate.setAnimated(false);
        rate.setTickLabelFormatter(converter(bps -> BitrateFormat.format(Math.round(bps))));

        LineChart<Number, Number> chart = new LineChart<>(time, rate);
        chart.setId("bitrate-chart");
        chart.getStyleClass().add("bitrate-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(180);
        chart.setPrefHeight(240);
        in.setName("In");
        out.setName("Out");
        chart.getData().addAll(List.of(in, out));
        return chart;
    }

    private void onHistoryChanged(ListChangeListener.Change<? extends BitratePoint> change) {
        while (change.next()) {
            if (change.wasRemoved()) {
                in.getData().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                out.getData().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                in.getData().addAll(change.getFrom(), toData(change.getAddedSubList(), true));
                out.getData().addAll(change.getFrom(), toData(change.getAddedSubList(), false));
            }
        }
        fitTimeAxis();
    }

    /**
     * Shows at least a minute and at most the history's span, with ticks on round numbers of seconds, so the
     * labels read 0:00, 0:10, 0:20 rather than whatever fractions autoranging picks.
     */
    private void fitTimeAxis() {
        List<BitratePoint> history = viewModel.history();
        double last = history.isEmpty() ? 0 : history.get(history.size() - 1).secondsSinceOpen();
        double span = viewModel.span().toMillis() / 1000.0;
        double upper = Math.max(Math.min(60, span), Math.ceil(last));
        double tick = upper <= 60 ? 10 : upper <= 180 ? 30 : 60;
        double lower = Math.max(0, Math.floor((upper - span) / tick) * tick);
        upper = Math.max(lower + tick, Math.ceil(upper / tick) * tick);
        time.setLowerBound(lower);
        time.setUpperBound(upper);
        time.setTickUnit(tick);
    }

    private static List<XYChart.Data<Number, Number>> toData(List<? extends BitratePoint> points, boolean incoming) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (BitratePoint p : points) {
            data.add(new XYChart.Data<>(p.secondsSinceOpen(), incoming ? p.bitrateIn() : p.bitrateOut()));
        }
        return data;
    }

    private static StringConverter<Number> converter(java.util.function.DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : format.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }
}
