package dev.weir.ui.detail;

import dev.weir.engine.stats.ConnectionSnapshot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One player of the selected stream; the same object for a connection id while it plays. */
public final class PlayerRow {
    private final String id;
    private final ReadOnlyObjectWrapper<ConnectionSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    PlayerRow(ConnectionSnapshot first) {
        this.id = first.id();
        snapshot.set(first);
    }

    public String id() { return id; }
    public ReadOnlyObjectProperty<ConnectionSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    void update(ConnectionSnapshot c) {
        snapshot.set(c);
    }
}
