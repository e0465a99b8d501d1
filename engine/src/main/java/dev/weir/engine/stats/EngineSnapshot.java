package dev.weir.engine.stats;

import java.time.Instant;
import java.util.List;

/**
 * Everything the engine reports, as of one instant. Immutable: the engine builds a new one at a fixed rate
 * and callers (console, CLI, HTTP API) pull the latest; nothing is pushed per packet.
 *
 * @param relays outgoing relays (one per stream and destination), in start order
 */
public record EngineSnapshot(
        Instant takenAt,
        List<ListenerSnapshot> listeners,
        List<StreamSnapshot> streams,
        List<ConnectionSnapshot> connections,
        List<RelaySnapshot> relays) {

    public static final EngineSnapshot EMPTY = new EngineSnapshot(Instant.EPOCH, List.of(), List.of(), List.of());

    public EngineSnapshot {
        listeners = List.copyOf(listeners);
        streams = List.copyOf(streams);
        connections = List.copyOf(connections);
        relays = relays == null ? List.of() : List.copyOf(relays);
    }

    /** Without relays. */
    public EngineSnapshot(Instant takenAt, List<ListenerSnapshot> listeners, List<StreamSnapshot> streams,
                          List<ConnectionSnapshot> connections) {
        this(takenAt, listeners, streams, connections, List.of());
    }
}
