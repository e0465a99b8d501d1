package dev.weir.ui.alerts;

import dev.weir.engine.stats.EngineSnapshot;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects alerts from each snapshot and hands them on in batches, at most once per {@code batchInterval} of
 * snapshot time (Cryptomator's pattern: a burst of events becomes one notification, not a toast per packet). Keeps
 * the most recent alerts for the status bar.
 */
public final class AlertsViewModel {
    public static final int RECENT = 50;

    private AlertDeriver deriver = new AlertDeriver();
    private final Duration batchInterval;
    private final Consumer<List<Alert>> sink;
    private final List<Alert> pending = new ArrayList<>();
    private final ObservableList<Alert> recent = FXCollections.observableArrayList();
    private Instant lastFlush = Instant.EPOCH;

    /** @param sink shows one batch (the notifier); called on the FX thread */
    public AlertsViewModel(Duration batchInterval, Consumer<List<Alert>> sink) {
        this.batchInterval = batchInterval;
        this.sink = sink;
    }

    public ObservableList<Alert> recent() {
        return recent;
    }

    /**
     * Forgets the previous snapshot: the next one only sets the baseline (the console switched between the local
     * engine and a remote one, whose differences are no events).
     */
    public void restartBaseline() {
        deriver = new AlertDeriver();
    }

    public void update(EngineSnapshot snapshot) {
        List<Alert> fresh = deriver.next(snapshot);
        pending.addAll(fresh);
        if (!fresh.isEmpty()) {
            recent.addAll(fresh);
            if (recent.size() > RECENT) recent.remove(0, recent.size() - RECENT);
        }
        Instant now = snapshot.takenAt();
        if (!pending.isEmpty() && Duration.between(lastFlush, now).compareTo(batchInterval) >= 0) {
            List<Alert> batch = List.copyOf(pending);
            pending.clear();
            lastFlush = now;
            sink.accept(batch);
        }
    }
}
