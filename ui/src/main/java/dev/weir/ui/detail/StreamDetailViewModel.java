package dev.weir.ui.detail;

import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.ConnectionSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final ObservableList<TransportPoint> transport = FXCollections.observableArrayList();
    private final ObservableList<TransportPoint> readOnlyTransport = FXCollections.unmodifiableObservableList(transport);
    private final ReadOnlyObjectWrapper<ConnectionSnapshot> publisher = new ReadOnlyObjectWrapper<>(this, "publisher");
    private final ObservableList<PlayerRow> players = FXCollections.observableArrayList();
    private final ObservableList<KeyMaterialEvent> keyEvents = FXCollections.observableArrayList();
    private final Map<String, PlayerRow> playersById = new HashMap<>();
    private Instant openedAt;
    private Instant lastPointAt;
    private long lastLost = -1;
    private long lastRetransmitted = -1;

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

    /** Transport points (RTT, loss, buffers, keyframe interval), one per bit rate point. */
    public ObservableList<TransportPoint> transport() { return readOnlyTransport; }

    /** The publisher's connection (with SRT statistics for SRT publishers), {@code null} when none. */
    public ReadOnlyObjectProperty<ConnectionSnapshot> publisherProperty() { return publisher.getReadOnlyProperty(); }

    /** The stream's players, one row per connection. */
    public ObservableList<PlayerRow> players() { return FXCollections.unmodifiableObservableList(players); }

    /** The SRT publisher's recent key-material events (refresh, pre-announce, switch), oldest first. */
    public ObservableList<KeyMaterialEvent> keyEvents() { return FXCollections.unmodifiableObservableList(keyEvents); }

    public void update(EngineSnapshot snapshot) {
        updateConnections(snapshot);
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
        if (transport.size() >= capacity) {
            transport.remove(0, transport.size() - capacity + 1);
        }
        transport.add(transportPoint(seconds, found));
    }

    private TransportPoint transportPoint(double seconds, StreamSnapshot s) {
        ConnectionSnapshot p = publisher.get();
        SrtStats srt = p == null ? null : p.srt();
        if (srt == null) return new TransportPoint(seconds, 0, 0, 0, 0, 0, s.keyframeIntervalSec());
        long lostTotal = srt.total().pktRcvLoss() + srt.total().pktSndLoss();
        long retransTotal = srt.total().pktRetrans() + srt.total().pktRcvRetrans();
        long lost = lastLost < 0 ? 0 : Math.max(0, lostTotal - lastLost);
        long retrans = lastRetransmitted < 0 ? 0 : Math.max(0, retransTotal - lastRetransmitted);
        lastLost = lostTotal;
        lastRetransmitted = retransTotal;
        return new TransportPoint(seconds, srt.instant().msRTT(), lost, retrans, srt.instant().msRcvBuf(),
                srt.instant().msRcvTsbPdDelay(), s.keyframeIntervalSec());
    }

    private void updateConnections(EngineSnapshot snapshot) {
        ConnectionSnapshot pub = null;
        Set<String> seen = new HashSet<>();
        for (ConnectionSnapshot c : snapshot.connections()) {
            if (!key.equals(c.streamKey())) continue;
            if (c.role() == ConnectionSnapshot.Role.PUBLISHER) {
                pub = c;
            } else if (c.role() == ConnectionSnapshot.Role.PLAYER) {
                seen.add(c.id());
                PlayerRow row = playersById.get(c.id());
                if (row == null) {
                    row = new PlayerRow(c);
                    playersById.put(c.id(), row);
                    players.add(row);
                } else {
                    row.update(c);
                }
            }
        }
        if (playersById.size() != seen.size()) {
            playersById.keySet().retainAll(seen);
            players.removeIf(r -> !seen.contains(r.id()));
        }
        publisher.set(pub);
        List<KeyMaterialEvent> events = pub == null || pub.srt() == null ? List.of() : pub.srt().keys().events();
        if (!events.equals(keyEvents)) keyEvents.setAll(events);
    }
}
