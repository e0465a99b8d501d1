package dev.weir.engine.hub;

import dev.weir.engine.stats.StreamSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Streams keyed {@code app/name}: one publisher, any number of players. Protocol sessions (RTMP, later SRT)
 * publish into it and play from it; it knows nothing of sockets.
 */
public interface StreamHub {

    /** Starts publishing on {@code key}. A second publisher on a key in use is refused; the first keeps running. */
    Publication publish(StreamKey key, PeerInfo publisher) throws StreamBusyException;

    /** Attaches a player. Allowed before the key has a publisher: the player then waits for one. */
    Subscription play(StreamKey key, PeerInfo player);

    /**
     * True when {@code key} has a publisher right now. SRT players ask at the handshake, so a play of a key nobody
     * publishes is refused (SRT_REJX_NOTFOUND) instead of an empty connection.
     */
    default boolean isPublished(StreamKey key) {
        String text = key.toString();
        for (StreamSnapshot s : streamSnapshots()) {
            if (s.key().equals(text)) return s.state() == StreamSnapshot.StreamState.PUBLISHING;
        }
        return false;
    }

    /** Stats of every stream, for the snapshot. */
    List<StreamSnapshot> streamSnapshots();

    /**
     * Media messages each attached player lost by falling behind, keyed by {@link PeerInfo#connectionId()}: the
     * stats sampler adds them to the player's connection, so sessions need not copy them into their counters.
     */
    default Map<String, Long> droppedMessagesByConnection() {
        return Map.of();
    }
}
