package dev.weir.ui.streams;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The live streams table: one {@link StreamRowViewModel} per stream key in the latest snapshot. Rows of keys that
 * stay are updated in place; new keys are appended; keys gone from the snapshot are removed.
 */
public final class StreamsViewModel {
    private final ObservableList<StreamRowViewModel> rows =
            FXCollections.observableArrayList(StreamRowViewModel::liveValues);
    private final ObservableList<StreamRowViewModel> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, StreamRowViewModel> byKey = new HashMap<>();

    /** The rows, in arrival order; they report a change when a live value (bit rate, uptime, ...) changes. */
    public ObservableList<StreamRowViewModel> rows() {
        return readOnlyRows;
    }

    /** The row of a key, or {@code null} when the stream is not in the latest snapshot. */
    public StreamRowViewModel row(String key) {
        return byKey.get(key);
    }

    public void update(EngineSnapshot snapshot) {
        Set<String> present = new HashSet<>();
        for (StreamSnapshot s : snapshot.streams()) {
            if (s.key() == null || !present.add(s.key())) {
                continue;
            }
            StreamRowViewModel row = byKey.get(s.key());
            if (row == null) {
                row = new StreamRowViewModel(s);
                byKey.put(s.key(), row);
                rows.add(row);
            } else {
                row.update(s);
            }
        }
        if (byKey.size() != present.size()) {
            byKey.keySet().retainAll(present);
            rows.removeIf(row -> !present.contains(row.key()));
        }
    }
}
