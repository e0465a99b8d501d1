package dev.weir.engine.rtmp.server;

import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.StreamSnapshot;

/** What a test can see of a stream through the hub's public snapshot. */
final class HubState {
    private HubState() {}

    static int players(StreamHub hub, StreamKey key) {
        return hub.streamSnapshots().stream().filter(s -> s.key().equals(key.toString()))
                .mapToInt(StreamSnapshot::players).findFirst().orElse(0);
    }

    static boolean isPublished(StreamHub hub, StreamKey key) {
        return hub.streamSnapshots().stream()
                .anyMatch(s -> s.key().equals(key.toString()) && s.state() == StreamSnapshot.StreamState.PUBLISHING);
    }
}
