package dev.weir.ui.detail;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A line chart over a bounded history list: one series per value, no animation, no symbols. It follows the list's
 * changes (points added at the end, dropped at the head) instead of rebuilding, so a tick costs a point or two.
 *
 * @param <P> the point type
 */
public final class HistoryChart<P> extends LineChart<Number, Number> {
    /** One line: its legend name and how to read it from a point. */
    public record Line<P>(String name, ToDoubleFunction<P> value) {}

    private final ObservableList<P> history;
    private final ToDoubleFunction<P> seconds;
    private final List<Line<P>> lines;
    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();
    private final NumberAxis time;
    private final Duration span;
    private final ListChangeListener<P> listener = this::onChanged;

    public HistoryChart(String id, String valueLabel, DoubleFunction<String> valueFormat, ObservableList<P> history,
                        ToDoubleFunction<P> seconds, Duration span, List<Line<P>> lines) {
        super(new NumberAxis(), new NumberAxis());
        this.history = history;
        this.seconds = seconds;
        this.lines = List.copyOf(lines);
        this.span = span;
        this.time = (NumberAxis) getXAxis();
        NumberAxis values = (NumberAxis) getYAxis();
        setId(id);
        getStyleClass().add("history-chart");
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(lines.size() > 1);
        setLegendSide(javafx.geometry.Side.TOP);
        time.setAutoRanging(false);
        time.setMinorTickCount(0);
        time.setAnimated(false);
        time.setTickLabelFormatter(converter(s -> dev.weir.ui.format.DurationFormat.format(Duration.ofMillis((long) (s * 1000)))));
        values.setLabel(valueLabel);
        values.setAnimated(false);
        values.setForceZeroInRange(true);
        values.setTickLabelFormatter(converter(valueFormat));
        for (Line<P> line : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            s.getData().addAll(toData(history, line));
            series.add(s);
        }
        getData().addAll(series);
        fitTimeAxis();
        history.addListener(listener);
    }

    /** Stops following the history. */
    public Subscription subscription() {
        return () -> history.removeListener(listener);
    }

    private void onChanged(ListChangeListener.Change<? extends P> change) {
        while (change.next()) {
            for (int i = 0; i < lines.size(); i++) {
                XYChart.Series<Number, Number> s = series.get(i);
                if (change.wasRemoved()) {
                    s.getData().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    s.getData().addAll(change.getFrom(), toData(change.getAddedSubList(), lines.get(i)));
                }
            }
        }
        fitTimeAxis();
    }

    /** At least a minute, at most the span, ticks on round seconds (0:00, 0:10, ...). */
    private void fitTimeAxis() {
        double last = history.isEmpty() ? 0 : seconds.applyAsDouble(history.get(history.size() - 1));
        double spanSeconds = span.toMillis() / 1000.0;
        double upper = Math.max(Math.min(60, spanSeconds), Math.ceil(last));
        double tick = upper <= 60 ? 10 : upper <= 180 ? 30 : 60;
        double lower = Math.max(0, Math.floor((upper - spanSeconds) / tick) * tick);
        upper = Math.max(lower + tick, Math.ceil(upper / tick) * tick);
        time.setLowerBound(lower);
        time.setUpperBound(upper);
        time.setTickUnit(tick);
    }

    private List<XYChart.Data<Number, Number>> toData(List<? extends P> points, Line<P> line) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (P p : points) {
            data.add(new XYChart.Data<>(seconds.applyAsDouble(p), line.value().applyAsDouble(p)));
        }
        return data;
    }

    static StringConverter<Number> converter(DoubleFunction<String> format) {
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
