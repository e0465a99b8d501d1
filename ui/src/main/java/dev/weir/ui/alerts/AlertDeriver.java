package dev.weir.ui.alerts;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the difference between the previous snapshot and this one into {@link Alert}s: a publisher came or went,
 * a recording failed, a relay went into backoff, a listener refused callers (for SRT most often a wrong
 * passphrase). The first snapshot only sets the baseline. No JavaFX: tested with hand-built snapshots.
 */
public final class AlertDeriver {
    private Map<String, StreamSnapshot> streams;
    private Map<String, RecordingSnapshot.State> recordings = new HashMap<>();
    private Map<String, RelaySnapshot.State> relays = new HashMap<>();
    private Map<String, Long> rejected = new HashMap<>();

    public List<Alert> next(EngineSnapshot s) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, StreamSnapshot> nowStreams = new HashMap<>();
        Map<String, RecordingSnapshot.State> nowRecordings = new HashMap<>();
        for (StreamSnapshot st : s.streams()) {
            nowStreams.put(st.key(), st);
            if (st.recording() != null) nowRecordings.put(st.key(), st.recording().state());
        }
        Map<String, RelaySnapshot.State> nowRelays = new HashMap<>();
        Map<String, String> relayErrors = new HashMap<>();
        for (RelaySnapshot r : s.relays()) {
            String id = r.streamKey() + " → " + r.destination();
            nowRelays.put(id, r.state());
            relayErrors.put(id, r.lastError());
        }
        Map<String, Long> nowRejected = new HashMap<>();
        Map<String, Protocol> protocols = new HashMap<>();
        for (ListenerSnapshot l : s.listeners()) {
            nowRejected.put(l.id(), l.rejected());
            protocols.put(l.id(), l.protocol());
        }
        if (streams != null) {
            for (StreamSnapshot st : s.streams()) {
                StreamSnapshot before = streams.get(st.key());
                boolean was = before != null && before.state() == StreamSnapshot.StreamState.PUBLISHING;
                if (st.state() == StreamSnapshot.StreamState.PUBLISHING && !was) {
                    alerts.add(new Alert(Alert.Kind.PUBLISHER_CONNECTED, s.takenAt(), st.key() + ": publisher connected ("
                            + (st.protocol() == null ? "?" : st.protocol().name()) + " from " + st.publisherAddress() + ")"));
                } else if (st.state() != StreamSnapshot.StreamState.PUBLISHING && was) {
                    alerts.add(new Alert(Alert.Kind.PUBLISHER_DROPPED, s.takenAt(), st.key() + ": publisher dropped"));
                }
            }
            for (StreamSnapshot before : streams.values()) {
                if (!nowStreams.containsKey(before.key()) && before.state() == StreamSnapshot.StreamState.PUBLISHING) {
                    alerts.add(new Alert(Alert.Kind.PUBLISHER_DROPPED, s.takenAt(), before.key() + ": publisher dropped"));
                }
            }
            nowRecordings.forEach((key, state) -> {
                if (state == RecordingSnapshot.State.FAILED && recordings.get(key) != RecordingSnapshot.State.FAILED) {
                    String why = nowStreams.get(key).recording().lastError();
                    alerts.add(new Alert(Alert.Kind.RECORDING_FAILED, s.takenAt(), key + ": recording failed"
                            + (why == null ? "" : ": " + why)));
                }
            });
            nowRelays.forEach((id, state) -> {
                if (state == RelaySnapshot.State.BACKOFF && relays.get(id) != RelaySnapshot.State.BACKOFF) {
                    String why = relayErrors.get(id);
                    alerts.add(new Alert(Alert.Kind.RELAY_FAILING, s.takenAt(), "relay " + id + " failing"
                            + (why == null ? "" : ": " + why)));
                }
            });
            nowRejected.forEach((id, count) -> {
                long more = count - rejected.getOrDefault(id, count);
                if (more > 0) {
                    String hint = protocols.get(id) == Protocol.SRT ? " (wrong passphrase, unknown stream or access refused)" : "";
                    alerts.add(new Alert(Alert.Kind.CONNECTIONS_REFUSED, s.takenAt(), id + " refused " + more
                            + (more == 1 ? " connection attempt" : " connection attempts") + hint));
                }
            });
        }
        streams = nowStreams;
        recordings = nowRecordings;
        relays = nowRelays;
        rejected = nowRejected;
        return alerts;
    }
}
