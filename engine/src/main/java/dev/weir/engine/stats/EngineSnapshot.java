package dev.weir.engine.stats;

import java.time.Instant;
import java.util.List;

/**
 * Everything the engine reports, as of one instant. Immutable: the engine builds a new one at a fixed rate
 * and callers (console, CLI, HTTP API) pull the latest; nothing is pushed per packet.
 */
public record EngineSnapshot(
        Instant takenAt,
        List<ListenerSnapshot> listeners,
        List<StreamSnapshot> streams,
        List<ConnectionSnapshot> connections) {

    public static final EngineSnapshot EMPTY = new EngineSnapshot(Instant.EPOCH, List.of(), List.of(), List.of());

    public EngineSnapshot {
        listeners = List.copyOf(listeners);
        streams = List.copyOf(streams);
        connections = List.copyOf(connections);
    }
}
