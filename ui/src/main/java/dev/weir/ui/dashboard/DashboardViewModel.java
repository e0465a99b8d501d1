package dev.weir.ui.dashboard;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** The dashboard's totals over one snapshot: streams, connections, bit rates, recordings, relays, refusals. */
public final class DashboardViewModel {
    private final ReadOnlyIntegerWrapper streams = new ReadOnlyIntegerWrapper(this, "streams");
    private final ReadOnlyIntegerWrapper publishing = new ReadOnlyIntegerWrapper(this, "publishing");
    private final ReadOnlyIntegerWrapper connections = new ReadOnlyIntegerWrapper(this, "connections");
    private final ReadOnlyIntegerWrapper players = new ReadOnlyIntegerWrapper(this, "players");
    private final ReadOnlyLongWrapper bitrateIn = new ReadOnlyLongWrapper(this, "bitrateIn");
    private final ReadOnlyLongWrapper bitrateOut = new ReadOnlyLongWrapper(this, "bitrateOut");
    private final ReadOnlyIntegerWrapper recordings = new ReadOnlyIntegerWrapper(this, "recordings");
    private final ReadOnlyIntegerWrapper relays = new ReadOnlyIntegerWrapper(this, "relays");
    private final ReadOnlyIntegerWrapper relaysRunning = new ReadOnlyIntegerWrapper(this, "relaysRunning");
    private final ReadOnlyLongWrapper rejected = new ReadOnlyLongWrapper(this, "rejected");

    public void update(EngineSnapshot s) {
        int pub = 0;
        int play = 0;
        long in = 0;
        long out = 0;
        int rec = 0;
        for (StreamSnapshot st : s.streams()) {
            if (st.state() == StreamSnapshot.StreamState.PUBLISHING) pub++;
            play += st.players();
            in += st.bitrateIn();
            out += st.bitrateOut();
            if (st.recording() != null && st.recording().state() == RecordingSnapshot.State.RECORDING) rec++;
        }
        long refused = 0;
        for (ListenerSnapshot l : s.listeners()) refused += l.rejected();
        int running = 0;
        for (RelaySnapshot r : s.relays()) if (r.state() == RelaySnapshot.State.RUNNING) running++;
        streams.set(s.streams().size());
        publishing.set(pub);
        connections.set(s.connections().size());
        players.set(play);
        bitrateIn.set(in);
        bitrateOut.set(out);
        recordings.set(rec);
        relays.set(s.relays().size());
        relaysRunning.set(running);
        rejected.set(refused);
    }

    public ReadOnlyIntegerProperty streamsProperty() { return streams.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty publishingProperty() { return publishing.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty connectionsProperty() { return connections.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty playersProperty() { return players.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bitrateInProperty() { return bitrateIn.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bitrateOutProperty() { return bitrateOut.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty recordingsProperty() { return recordings.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty relaysProperty() { return relays.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty relaysRunningProperty() { return relaysRunning.getReadOnlyProperty(); }
    public ReadOnlyLongProperty rejectedProperty() { return rejected.getReadOnlyProperty(); }
}
