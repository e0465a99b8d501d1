package dev.weir.ui;

import dev.weir.engine.stats.StreamSnapshot.StreamState;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StatsSource;
import dev.weir.ui.detail.StreamDetailViewModel;
import dev.weir.ui.listeners.ListenerControl;
import dev.weir.ui.listeners.ListenersViewModel;
import dev.weir.ui.streams.StreamsViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The console's state, fed by one snapshot at a time: {@link #refresh()} reads the engine's latest snapshot and
 * hands it to every screen's view model in one pass on the FX thread.
 */
public final class ConsoleViewModel {
    private static final Logger log = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final StatsSource stats;
    private final ListenersViewModel listeners;
    private final StreamsViewModel streams = new StreamsViewModel();
    private final ReadOnlyObjectWrapper<StreamDetailViewModel> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private EngineSnapshot last = EngineSnapshot.EMPTY;
    private boolean snapshotFailing;

    public ConsoleViewModel(StatsSource stats, ListenerControl control, ConsoleOptions options,
                            Executor background, Executor fx) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.listeners = new ListenersViewModel(options.rtmpAddress(), control, background, fx);
        apply(EngineSnapshot.EMPTY);
    }

    public ListenersViewModel listeners() { return listeners; }
    public StreamsViewModel streams() { return streams; }

    /** The selected stream's detail, {@code null} when none is selected. */
    public ReadOnlyObjectProperty<StreamDetailViewModel> detailProperty() { return detail.getReadOnlyProperty(); }

    /** One line for the status bar: counts of streams, connections and players. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** Reads the engine's latest snapshot and applies it. Called by the poller on the FX thread. */
    public void refresh() {
        EngineSnapshot snapshot;
        try {
            snapshot = stats.snapshot();
        } catch (RuntimeException e) {
            // Keep showing the last numbers; log once per failure streak, not four times a second.
            if (!snapshotFailing) {
                log.warn("engine snapshot failed; the console keeps showing the last one", e);
                snapshotFailing = true;
            }
            return;
        }
        snapshotFailing = false;
        apply(snapshot == null ? EngineSnapshot.EMPTY : snapshot);
    }

    /** Applies one snapshot to every screen. */
    public void apply(EngineSnapshot snapshot) {
        last = snapshot;
        listeners.update(snapshot);
        streams.update(snapshot);
        StreamDetailViewModel d = detail.get();
        if (d != null) {
            d.update(snapshot);
        }
        summary.set(summarize(snapshot));
    }

    /**
     * Opens the detail of a stream, or closes it with {@code null}. Selecting the stream already shown keeps its
     * history; another key starts a new, empty one and lets the old one go.
     */
    public void select(String streamKey) {
        StreamDetailViewModel current = detail.get();
        if (streamKey == null) {
            detail.set(null);
            return;
        }
        if (current != null && current.key().equals(streamKey)) {
            return;
        }
        StreamDetailViewModel next = new StreamDetailViewModel(streamKey);
        next.update(last);
        detail.set(next);
    }

    private static String summarize(EngineSnapshot s) {
        long publishing = s.streams().stream()
                .filter(st -> st.state() == StreamState.PUBLISHING)
                .count();
        int players = s.streams().stream().mapToInt(StreamSnapshot::players).sum();
        return "%d %s (%d publishing) · %d %s · %d %s".formatted(
                s.streams().size(), plural(s.streams().size(), "stream", "streams"), publishing,
                players, plural(players, "player", "players"),
                s.connections().size(), plural(s.connections().size(), "connection", "connections"));
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
