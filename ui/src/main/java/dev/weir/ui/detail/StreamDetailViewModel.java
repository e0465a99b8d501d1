package dev.weir.ui.detail;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The detail of one selected stream: its latest numbers and a bounded history of its bit rates.
 *
 * <p>The history holds at most {@code capacity} points, one per {@code interval} of snapshot time, so its memory
 * is bounded however long the stream is watched. A new selection gets a new view model; dropping this one drops
 * the history.
 */
public final class StreamDetailViewModel {
    /** Five minutes at one point per second. */
    public static final int DEFAULT_CAPACITY = 300;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final String key;
    private final int capacity;
    private final Duration interval;
    private final ReadOnlyObjectWrapper<StreamSnapshot> stream = new ReadOnlyObjectWrapper<>(this, "stream");
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ObservableList<BitratePoint> history = FXCollections.observableArrayList();
    private final ObservableList<BitratePoint> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private Instant openedAt;
    private Instant lastPointAt;

    public StreamDetailViewModel(String key) {
        this(key, DEFAULT_CAPACITY, DEFAULT_INTERVAL);
    }

    public StreamDetailViewModel(String key, int capacity, Duration interval) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a chart needs room for at least 2 points, got " + capacity);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval between points must be positive, got " + interval);
        }
        this.key = Objects.requireNonNull(key, "stream key");
        this.capacity = capacity;
        this.interval = interval;
    }

    public String key() { return key; }
    public int capacity() { return capacity; }

    /** How much time a full history covers: capacity times the interval between points. */
    public Duration span() { return interval.multipliedBy(capacity); }

    /** The stream's latest snapshot; stays at the last one seen when the stream ends, so the operator can read it. */
    public ReadOnlyObjectProperty<StreamSnapshot> streamProperty() { return stream.getReadOnlyProperty(); }

    /** Whether the stream is in the latest engine snapshot. */
    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }

    /** Oldest first; at most {@link #capacity()} points. */
    public ObservableList<BitratePoint> history() { return readOnlyHistory; }

    public void update(EngineSnapshot snapshot) {
        StreamSnapshot found = null;
        for (StreamSnapshot s : snapshot.streams()) {
            if (key.equals(s.key())) {
                found = s;
                break;
            }
        }
        present.set(found != null);
        if (found == null) {
            return;
        }
        stream.set(found);
        Instant at = snapshot.takenAt();
        if (openedAt == null) {
            openedAt = at;
        }
        // A tenth of slack, so snapshots that arrive a little early do not leave two-interval gaps.
        if (lastPointAt != null && Duration.between(lastPointAt, at).compareTo(interval.multipliedBy(9).dividedBy(10)) < 0) {
            return;
        }
        lastPointAt = at;
        double seconds = Duration.between(openedAt, at).toMillis() / 1000.0;
        BitratePoint point = new BitratePoint(seconds, found.bitrateIn(), found.bitrateOut());
        if (history.size() >= capacity) {
            // Dropping from the head of a 300-point list is cheap; the chart lays out once per pulse anyway.
            history.remove(0, history.size() - capacity + 1);
        }
        history.add(point);
    }
}
