package dev.weir.ui.attach;

import dev.weir.engine.api.RemoteStatsSource;
import dev.weir.ui.engine.AttachableEngine;
import dev.weir.ui.engine.RemoteAddress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * Attaching the console to a remote {@code weir server} (read-only) and detaching again. The operator opens the
 * attach bar ({@link #editingProperty()}), types the server's API address and attaches; while attached,
 * {@link #attachedProperty()} is true (the screens disable what would change the engine), {@link #indicatorProperty()}
 * says "read-only — attached to host:port", and {@link #statusProperty()} says whether the last poll worked
 * (or why not) — read from the remote source's status on each refresh, so nothing here waits on the network.
 *
 * <p>FX thread only. {@code onSwitch} runs after every attach and detach, so the console can drop what belonged to
 * the other engine (the open detail, the alert baseline).
 */
public final class AttachViewModel {
    /** {@link RemoteStatsSource}'s status before its first answer. */
    private static final String NOT_POLLED_YET = "not polled yet";
    private final AttachableEngine engine;
    private final Runnable onSwitch;
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyStringWrapper indicator = new ReadOnlyStringWrapper(this, "indicator", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public AttachViewModel(AttachableEngine engine, Runnable onSwitch) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.onSwitch = onSwitch == null ? () -> { } : onSwitch;
    }

    /** What the operator typed in the attach bar. */
    public StringProperty addressProperty() { return address; }
    /** Whether the attach bar is open. */
    public BooleanProperty editingProperty() { return editing; }
    /** Why the typed address cannot be used; {@code null} when it can. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty attachedProperty() { return attached.getReadOnlyProperty(); }
    /** Whether the last poll of the remote worked. */
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    /** {@code host:port} of the remote, empty when not attached. */
    public ReadOnlyStringProperty targetProperty() { return target.getReadOnlyProperty(); }
    /** "read-only — attached to host:port", empty when not attached. */
    public ReadOnlyStringProperty indicatorProperty() { return indicator.getReadOnlyProperty(); }
    /** The poll's state: connecting, connected, or the last error. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** Opens the attach bar (or, while attached, detaches: the one toolbar button does both). */
    public void toggle() {
        if (attached.get()) {
            detach();
        } else {
            editing.set(!editing.get());
            error.set(null);
        }
    }

    /** Attaches to the typed address; false (and {@link #errorProperty()} says why) when it is not usable. */
    public boolean attach() {
        RemoteAddress parsed;
        try {
            parsed = RemoteAddress.parse(address.get());
        } catch (IllegalArgumentException e) {
            error.set(sentence(e.getMessage()));
            return false;
        }
        attachTo(parsed);
        return true;
    }

    /** Attaches to {@code remote} (as {@code weir --attach} does at start). */
    public void attachTo(RemoteAddress remote) {
        engine.attach(remote);
        address.set(remote.base().toString());
        error.set(null);
        editing.set(false);
        target.set(remote.label());
        indicator.set("Read-only — attached to " + remote.label());
        connected.set(false);
        status.set("connecting to " + remote.base() + "…");
        attached.set(true);
        onSwitch.run();
    }

    /** Back to the local engine, which kept running. */
    public void detach() {
        if (!attached.get()) return;
        engine.detach();
        attached.set(false);
        connected.set(false);
        target.set("");
        indicator.set("");
        status.set("");
        onSwitch.run();
    }

    /** Reads the remote's poll status (never waits); called on every refresh. */
    public void poll() {
        AttachableEngine.Remote r = engine.remote();
        if (r == null || !attached.get()) return;
        RemoteStatsSource.Status s = r.source().status();
        connected.set(s.connected());
        if (s.connected()) {
            status.set("connected");
        } else if (s.lastSuccessNanos() == 0 && NOT_POLLED_YET.equals(s.error())) {
            return;                                    // still "connecting…"
        } else if (s.lastSuccessNanos() == 0) {
            status.set("not connected: " + s.error());
        } else {
            status.set("connection lost, showing the last numbers received: " + s.error());
        }
    }

    private static String sentence(String message) {
        return message == null || message.isEmpty() ? "That address cannot be used."
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
