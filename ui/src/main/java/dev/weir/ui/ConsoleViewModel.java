package dev.weir.ui;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.StreamSnapshot.StreamState;
import dev.weir.ui.alerts.Alert;
import dev.weir.ui.alerts.AlertsViewModel;
import dev.weir.ui.attach.AttachViewModel;
import dev.weir.ui.caller.CallerViewModel;
import dev.weir.ui.caller.TestClip;
import dev.weir.ui.dashboard.DashboardViewModel;
import dev.weir.ui.detail.StreamDetailViewModel;
import dev.weir.ui.engine.AttachableEngine;
import dev.weir.ui.engine.EngineControl;
import dev.weir.ui.listeners.ListenerControl;
import dev.weir.ui.listeners.ListenerRowState;
import dev.weir.ui.listeners.ListenerRowViewModel;
import dev.weir.ui.listeners.ListenersViewModel;
import dev.weir.ui.log.LogViewModel;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.settings.ConfigStore;
import dev.weir.ui.settings.SettingsViewModel;
import dev.weir.ui.streams.StreamsViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The console's state, fed by one snapshot at a time: {@link #refresh()} reads the engine's latest snapshot and
 * hands it to every screen's view model in one pass on the FX thread, then reads the log ring and the test caller.
 * Engine calls that may wait run on the background executor.
 */
public final class ConsoleViewModel {
    private static final Logger log = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final AttachableEngine engine;
    private final AttachViewModel attach;
    private final Executor background;
    private final Executor fx;
    private final ListenersViewModel listeners;
    private final DashboardViewModel dashboard = new DashboardViewModel();
    private final StreamsViewModel streams;
    private final SettingsViewModel settings;
    private final CallerViewModel caller;
    private final LogViewModel logView;
    private final AlertsViewModel alerts;
    private final ReadOnlyObjectWrapper<StreamDetailViewModel> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.DASHBOARD);
    private EngineSnapshot last = EngineSnapshot.EMPTY;
    private boolean snapshotFailing;

    /**
     * @param alertSink shows a batch of alerts (the notifier); called on the FX thread at most once a second
     */
    public ConsoleViewModel(EngineControl engine, ConsoleOptions options, Executor background, Executor fx,
                            Consumer<List<Alert>> alertSink) {
        this.engine = new AttachableEngine(Objects.requireNonNull(engine, "engine"), options.pollInterval());
        this.attach = new AttachViewModel(this.engine, this::attachmentChanged);
        this.background = background;
        this.fx = fx;
        EngineConfig config = engine.config();
        AttachableEngine shown = this.engine;
        // The local rows drive the local engine; while attached they are hidden and the remote's rows show instead.
        this.listeners = new ListenersViewModel(config, ListenerControl.of(shown.local()), background, fx);
        this.streams = new StreamsViewModel(new StreamsViewModel.Recorder() {
            @Override public void start(String key) { shown.startRecording(key); }
            @Override public void stop(String key) { shown.stopRecording(key); }
        }, background, fx);
        ConfigStore store = options.store() != null ? options.store() : ConfigStore.inMemory(config);
        this.settings = new SettingsViewModel(shown, store, background, fx, this::takeListenerAddresses);
        this.caller = new CallerViewModel(TestClip::get, background, fx);
        this.logView = new LogViewModel(options.log(), LogViewModel.DEFAULT_CAPACITY);
        this.alerts = new AlertsViewModel(Duration.ofSeconds(1), alertSink);
        apply(EngineSnapshot.EMPTY);
    }

    /** The engine the screens show: the local one, or a remote server while attached (then read-only). */
    public EngineControl engine() { return engine; }
    /** Attaching to a remote server and detaching. */
    public AttachViewModel attach() { return attach; }
    public ListenersViewModel listeners() { return listeners; }
    public DashboardViewModel dashboard() { return dashboard; }
    public StreamsViewModel streams() { return streams; }
    public SettingsViewModel settings() { return settings; }
    public CallerViewModel caller() { return caller; }
    public LogViewModel log() { return logView; }
    public AlertsViewModel alerts() { return alerts; }

    /** The screen shown; remembered in the window preferences. */
    public ObjectProperty<Screen> screenProperty() { return screen; }

    /** The selected stream's detail, {@code null} when none is selected. */
    public ReadOnlyObjectProperty<StreamDetailViewModel> detailProperty() { return detail.getReadOnlyProperty(); }

    /** One line for the status bar: counts of streams, connections and players. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** Reads the engine's latest snapshot and applies it; then the log and the caller. On the FX thread. */
    public void refresh() {
        EngineSnapshot snapshot;
        try {
            snapshot = engine.snapshot();
        } catch (RuntimeException e) {
            // Keep showing the last numbers; log once per failure streak, not four times a second.
            if (!snapshotFailing) {
                log.warn("engine snapshot failed; the console keeps showing the last one", e);
                snapshotFailing = true;
            }
            snapshot = null;
        }
        if (snapshot != null) {
            snapshotFailing = false;
            apply(snapshot);
        }
        attach.poll();
        logView.poll();
        caller.poll();
    }

    /** After attach or detach: the screens switch to the other engine's snapshots and forget the old one's. */
    private void attachmentChanged() {
        boolean remote = attach.attachedProperty().get();
        listeners.showRemote(remote);
        streams.setReadOnly(remote);
        settings.setReadOnly(remote);
        select(null);
        alerts.restartBaseline();
        apply(engine.snapshot());
    }

    /** Stops watching a remote server (the local engine is not the console's to close). */
    public void close() {
        engine.close();
    }

    /** Applies one snapshot to every screen. */
    public void apply(EngineSnapshot snapshot) {
        if (snapshot == null) snapshot = EngineSnapshot.EMPTY;
        last = snapshot;
        listeners.update(snapshot);
        dashboard.update(snapshot);
        streams.update(snapshot);
        StreamDetailViewModel d = detail.get();
        if (d != null) {
            d.update(snapshot);
        }
        if (snapshot != EngineSnapshot.EMPTY) alerts.update(snapshot);
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

    /** Ends one connection (a player) off the FX thread. */
    public void disconnect(String connectionId) {
        if (attach.attachedProperty().get()) return;   // a remote server's connections are not ours to end
        execute(() -> {
            boolean done = engine.disconnect(connectionId);
            log.info("operator disconnect of {}: {}", connectionId, done ? "closed" : "no such connection");
        });
    }

    /** Starts the listeners the configuration names (as {@code weir -config FILE} does). */
    public void startConfiguredListeners() {
        EngineConfig c = engine.config();
        if (c.rtmp().listen() != null) listeners.rtmp().start();
        if (c.tls().listen() != null) listeners.rtmps().start();
        if (c.srt().enabled()) listeners.srt().start();
    }

    /** New listener addresses from the settings: rows take them; a running listener moves to its new address. */
    private void takeListenerAddresses(EngineConfig c) {
        move(listeners.rtmp(), c.rtmp().listen());
        move(listeners.rtmps(), c.tls().listen());
        move(listeners.srt(), c.srt().listen());
    }

    private void move(ListenerRowViewModel row, String address) {
        if (address == null || address.isBlank() || address.equals(row.addressProperty().get())) return;
        boolean running = row.stateProperty().get() == ListenerRowState.RUNNING;
        if (!running) {
            row.addressProperty().set(address);
            return;
        }
        row.restartOn(address);
    }

    private void execute(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            log.debug("console closing: action dropped");
        }
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
