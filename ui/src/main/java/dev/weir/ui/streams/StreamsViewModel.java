package dev.weir.ui.streams;

import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The live streams table: one {@link StreamRowViewModel} per stream key in the latest snapshot. Rows of keys that
 * stay are updated in place; new keys are appended; keys gone from the snapshot are removed. A filter text narrows
 * the rows by key, publisher, protocol or codec; the record button starts or stops a recording off the FX thread.
 */
public final class StreamsViewModel {
    private static final Logger log = LoggerFactory.getLogger(StreamsViewModel.class);

    /** What the record button calls; both may block (opening and closing files). */
    public interface Recorder {
        void start(String streamKey);

        void stop(String streamKey);

        Recorder NONE = new Recorder() {
            @Override public void start(String streamKey) { }
            @Override public void stop(String streamKey) { }
        };
    }

    private final ObservableList<StreamRowViewModel> rows =
            FXCollections.observableArrayList(StreamRowViewModel::liveValues);
    private final ObservableList<StreamRowViewModel> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<StreamRowViewModel> filtered = new FilteredList<>(readOnlyRows);
    private final Map<String, StreamRowViewModel> byKey = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper readOnly =
            new ReadOnlyBooleanWrapper(this, "readOnly");
    private final Recorder recorder;
    private final Executor background;
    private final Executor fx;

    public StreamsViewModel() {
        this(Recorder.NONE, Runnable::run, Runnable::run);
    }

    public StreamsViewModel(Recorder recorder, Executor background, Executor fx) {
        this.recorder = recorder;
        this.background = background;
        this.fx = fx;
        filter.subscribe(text -> filtered.setPredicate(row -> matches(row, text)));
    }

    /** The rows, in arrival order; they report a change when a live value (bit rate, uptime, ...) changes. */
    public ObservableList<StreamRowViewModel> rows() {
        return readOnlyRows;
    }

    /** The rows the filter lets through. */
    public ObservableList<StreamRowViewModel> filteredRows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Why the last record action failed, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the rows are a remote server's: recording cannot be started or stopped from here. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    /** The row of a key, or {@code null} when the stream is not in the latest snapshot. */
    public StreamRowViewModel row(String key) {
        return byKey.get(key);
    }

    /** Starts the recording of a stream that is not recording, stops one that is. */
    public void toggleRecording(StreamRowViewModel row) {
        if (row.recordingBusyProperty().get() || readOnly.get()) return;
        boolean stop = row.isRecording();
        String key = row.key();
        row.recordingBusy(true);
        error.set(null);
        try {
            background.execute(() -> {
                String problem = null;
                try {
                    if (stop) recorder.stop(key); else recorder.start(key);
                    log.info("recording of {} {} by the operator", key, stop ? "stopped" : "started");
                } catch (RuntimeException e) {
                    log.warn("recording of {} could not be {}: {}", key, stop ? "stopped" : "started", e.getMessage());
                    problem = "Recording of " + key + " could not be " + (stop ? "stopped" : "started") + ": " + e.getMessage();
                }
                String p = problem;
                fx.execute(() -> {
                    row.recordingBusy(false);
                    if (p != null) error.set(p);
                });
            });
        } catch (RejectedExecutionException e) {
            row.recordingBusy(false);
        }
    }

    public void update(EngineSnapshot snapshot) {
        Map<String, ConnectionSnapshot> publishers = new HashMap<>();
        for (ConnectionSnapshot c : snapshot.connections()) {
            if (c.role() == ConnectionSnapshot.Role.PUBLISHER && c.streamKey() != null) publishers.put(c.streamKey(), c);
        }
        Map<String, List<RelaySnapshot>> relays = new HashMap<>();
        for (RelaySnapshot r : snapshot.relays()) {
            relays.computeIfAbsent(r.streamKey(), k -> new ArrayList<>()).add(r);
        }
        Set<String> present = new HashSet<>();
        for (StreamSnapshot s : snapshot.streams()) {
            if (s.key() == null || !present.add(s.key())) {
                continue;
            }
            ConnectionSnapshot publisher = publishers.get(s.key());
            List<RelaySnapshot> streamRelays = relays.getOrDefault(s.key(), List.of());
            StreamRowViewModel row = byKey.get(s.key());
            if (row == null) {
                row = new StreamRowViewModel(s, publisher, streamRelays);
                byKey.put(s.key(), row);
                rows.add(row);
            } else {
                row.update(s, publisher, streamRelays);
            }
        }
        if (byKey.size() != present.size()) {
            byKey.keySet().retainAll(present);
            rows.removeIf(row -> !present.contains(row.key()));
        }
    }

    static boolean matches(StreamRowViewModel row, String text) {
        if (text == null || text.isBlank()) return true;
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (String value : new String[] {row.key(), row.publisherProperty().get(),
                row.protocolProperty().get() == null ? null : row.protocolProperty().get().name(),
                row.videoCodecProperty().get(), row.audioCodecProperty().get(), row.alertsProperty().get()}) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(t)) return true;
        }
        return false;
    }
}
