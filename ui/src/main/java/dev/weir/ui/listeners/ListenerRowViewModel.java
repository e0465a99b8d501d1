package dev.weir.ui.listeners;

import dev.weir.engine.ListenerException;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One listener row: the address the operator typed, and start/stop of that listener in the engine.
 *
 * <p>Properties are read and written on the FX thread only. Engine calls run on {@code background} (binding and
 * resolving a host name may block); their results come back through {@code fx}. The engine checks the address and
 * words the reasons it refuses one, so every caller (console, {@code weir server}) shows the same message. The
 * engine's snapshot has the last word on the state once the listener is known.
 */
public final class ListenerRowViewModel {
    private static final Logger log = LoggerFactory.getLogger(ListenerRowViewModel.class);

    private final Protocol protocol;
    private final ListenerControl control;
    private final Executor background;
    private final Executor fx;
    private final boolean mirror;

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyObjectWrapper<ListenerRowState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerRowState.STOPPED);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper listenerId = new ReadOnlyStringWrapper(this, "listenerId");
    private final ReadOnlyIntegerWrapper connections = new ReadOnlyIntegerWrapper(this, "connections");
    private final ReadOnlyLongWrapper accepted = new ReadOnlyLongWrapper(this, "accepted");
    private final ReadOnlyLongWrapper rejected = new ReadOnlyLongWrapper(this, "rejected");

    public ListenerRowViewModel(Protocol protocol, String initialAddress, ListenerControl control,
                                Executor background, Executor fx) {
        this(protocol, initialAddress, control, background, fx, false);
    }

    private ListenerRowViewModel(Protocol protocol, String initialAddress, ListenerControl control,
                                 Executor background, Executor fx, boolean mirror) {
        this.protocol = protocol;
        this.control = control;
        this.background = background;
        this.fx = fx;
        this.mirror = mirror;
        address.set(initialAddress == null ? "" : initialAddress);
    }

    /**
     * A row that only shows a remote server's listener of {@code protocol} (the first in its snapshot): address,
     * state and counters follow the snapshot; start and stop do nothing.
     */
    public static ListenerRowViewModel mirror(Protocol protocol) {
        return new ListenerRowViewModel(protocol, "", ListenerControl.READ_ONLY, Runnable::run, Runnable::run, true);
    }

    /** Whether this row only shows a remote listener. */
    public boolean isMirror() { return mirror; }

    public Protocol protocol() { return protocol; }
    public StringProperty addressProperty() { return address; }
    public ReadOnlyObjectProperty<ListenerRowState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty listenerIdProperty() { return listenerId.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty connectionsProperty() { return connections.getReadOnlyProperty(); }
    public ReadOnlyLongProperty acceptedProperty() { return accepted.getReadOnlyProperty(); }
    public ReadOnlyLongProperty rejectedProperty() { return rejected.getReadOnlyProperty(); }

    /** The one button: starts a stopped or failed listener, stops a running one, does nothing mid-change. */
    public void toggle() {
        if (mirror) return;
        switch (state.get()) {
            case STOPPED, FAILED -> start();
            case RUNNING -> stop();
            case STARTING, STOPPING -> { }
        }
    }

    public void start() {
        if (mirror) return;
        ListenerRowState now = state.get();
        if (now != ListenerRowState.STOPPED && now != ListenerRowState.FAILED) {
            return;
        }
        String requested = address.get() == null ? "" : address.get().strip();
        state.set(ListenerRowState.STARTING);
        error.set(null);
        submit(() -> {
            String id;
            try {
                id = control.start(protocol, requested);
            } catch (ListenerException e) {
                String message = e.getMessage();
                log.info("{} listener on '{}' did not start: {}", protocol, requested, message);
                fx.execute(() -> failed(message));
                return;
            } catch (RuntimeException e) {
                log.warn("{} listener on '{}' did not start", protocol, requested, e);
                fx.execute(() -> failed("Could not start the listener on '" + requested + "': " + describe(e)));
                return;
            }
            log.info("{} listener {} started on '{}'", protocol, id, requested);
            fx.execute(() -> started(id));
        });
    }

    public void stop() {
        if (mirror) return;
        String id = listenerId.get();
        if (state.get() != ListenerRowState.RUNNING || id == null) {
            return;
        }
        state.set(ListenerRowState.STOPPING);
        submit(() -> {
            try {
                control.stop(id);
            } catch (RuntimeException e) {
                log.warn("{} listener {} did not stop cleanly", protocol, id, e);
                fx.execute(() -> stopped("The listener stopped with an error: " + describe(e)));
                return;
            }
            log.info("{} listener {} stopped", protocol, id);
            fx.execute(() -> stopped(null));
        });
    }

    /** Stops the running listener and starts it again on {@code newAddress} (settings applied at once). */
    public void restartOn(String newAddress) {
        if (mirror) return;
        String id = listenerId.get();
        if (state.get() != ListenerRowState.RUNNING || id == null) {
            address.set(newAddress);
            return;
        }
        state.set(ListenerRowState.STOPPING);
        submit(() -> {
            control.stop(id);
            fx.execute(() -> {
                stopped(null);
                address.set(newAddress);
                start();
            });
        });
    }

    /** Takes the engine's view of this row's listener; called on every poll. */
    public void update(EngineSnapshot snapshot) {
        if (mirror) {
            follow(snapshot);
            return;
        }
        String id = listenerId.get();
        if (id == null) {
            return;
        }
        for (ListenerSnapshot l : snapshot.listeners()) {
            if (l.id().equals(id)) {
                connections.set(l.connections());
                accepted.set(l.accepted());
                rejected.set(l.rejected());
                if (state.get().isSettled()) {
                    applyEngineState(l);
                }
                return;
            }
        }
    }

    private void follow(EngineSnapshot snapshot) {
        ListenerSnapshot found = null;
        for (ListenerSnapshot l : snapshot.listeners()) {
            if (l.protocol() == protocol && (found == null || l.state() == ListenerSnapshot.ListenerState.RUNNING)) found = l;
        }
        if (found == null) {
            address.set("");
            listenerId.set(null);
            connections.set(0);
            accepted.set(0);
            rejected.set(0);
            error.set(null);
            state.set(ListenerRowState.STOPPED);
            return;
        }
        address.set(found.address());
        listenerId.set(found.id());
        connections.set(found.connections());
        accepted.set(found.accepted());
        rejected.set(found.rejected());
        error.set(found.lastError() == null || found.lastError().isBlank() ? null : sentence(found.lastError()));
        state.set(switch (found.state()) {
            case STARTING, RUNNING -> ListenerRowState.RUNNING;
            case STOPPED -> ListenerRowState.STOPPED;
            case FAILED -> ListenerRowState.FAILED;
        });
    }

    private void applyEngineState(ListenerSnapshot l) {
        switch (l.state()) {
            case STARTING, RUNNING -> state.set(ListenerRowState.RUNNING);
            case STOPPED -> {
                state.set(ListenerRowState.STOPPED);
                listenerId.set(null);
            }
            case FAILED -> {
                state.set(ListenerRowState.FAILED);
                error.set(l.lastError() == null || l.lastError().isBlank() ? "The listener failed." : sentence(l.lastError()));
                listenerId.set(null);
            }
        }
    }

    private void started(String id) {
        listenerId.set(id);
        error.set(null);
        state.set(ListenerRowState.RUNNING);
    }

    private void failed(String message) {
        listenerId.set(null);
        error.set(message == null || message.isBlank() ? "The listener did not start." : sentence(message));
        state.set(ListenerRowState.FAILED);
    }

    private void stopped(String message) {
        listenerId.set(null);
        connections.set(0);
        error.set(message);
        state.set(ListenerRowState.STOPPED);
    }

    private void submit(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            // The console is closing; nothing will show the result.
            log.debug("listener action dropped: console is closing");
        }
    }

    /** Engine messages start in lower case to read well inside logs; the window shows a sentence. */
    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
