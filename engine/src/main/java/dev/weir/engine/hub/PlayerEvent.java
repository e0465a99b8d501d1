package dev.weir.engine.hub;

/** What a player receives from its {@link Subscription}, in order. */
public sealed interface PlayerEvent {

    /** A message to send. Messages of a late joiner start with metadata, sequence headers and the current GOP. */
    record Media(MediaMessage message) implements PlayerEvent {}

    /** A publisher started (or came back) on the key. */
    record Published(StreamKey key) implements PlayerEvent {}

    /** The publisher left; the player stays attached and resumes on the next publish. */
    record Unpublished(StreamKey key) implements PlayerEvent {}

    /** The hub cut this player off (it stayed too slow); the session should close. */
    record Disconnected(String reason) implements PlayerEvent {}
}
