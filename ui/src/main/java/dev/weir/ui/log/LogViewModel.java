package dev.weir.ui.log;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Objects;

/**
 * The log screen: the newest {@link #capacity} lines of the feed, with a level filter. {@link #poll()} runs on the
 * FX thread at the refresh rate and appends what arrived since in one change, so a log burst costs one update.
 */
public final class LogViewModel {
    public static final int DEFAULT_CAPACITY = 2000;

    private final LogFeed feed;
    private final int capacity;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(lines);
    private final ObjectProperty<LogLevel> minimum = new SimpleObjectProperty<>(this, "minimum", LogLevel.INFO);
    private long last = -1;

    public LogViewModel(LogFeed feed, int capacity) {
        this.feed = Objects.requireNonNull(feed, "feed");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        this.capacity = capacity;
        minimum.subscribe(level -> shown.setPredicate(line -> line.level().atLeast(level == null ? LogLevel.TRACE : level)));
    }

    /** Lines at or above the chosen level, oldest first. */
    public ObservableList<LogLine> shown() { return shown; }

    /** Every line kept, whatever the filter. */
    public List<LogLine> all() { return FXCollections.unmodifiableObservableList(lines); }

    public ObjectProperty<LogLevel> minimumProperty() { return minimum; }

    public void poll() {
        List<LogLine> fresh = feed.since(last);
        if (fresh.isEmpty()) return;
        last = fresh.getLast().sequence();
        List<LogLine> add = fresh.size() > capacity ? fresh.subList(fresh.size() - capacity, fresh.size()) : fresh;
        int overflow = lines.size() + add.size() - capacity;
        if (overflow > 0) lines.remove(0, overflow);
        lines.addAll(add);
    }
}
