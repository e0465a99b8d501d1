package dev.weir.engine.hub;

/** What a player receives from its {@link Subscription}, in order. */
public sealed interface PlayerEvent {

    /** A message to send. Messages of a late joiner start with metadata, sequence headers and the current GOP. */
    record Media(MediaMessage message) implements PlayerEvent {}

    /**
     * A publisher started (or came back) on the key while the player was attached. A player that attaches to a
     * live stream gets no {@code Published}: {@link Subscription#isPublished()} says so, and its first events are
     * the cached metadata, sequence headers and GOP.
     */
    record Published(StreamKey key) implements PlayerEvent {}

    /** The publisher left; the player stays attached and resumes on the next publish. */
    record Unpublished(StreamKey key) implements PlayerEvent {}

    /**
     * The hub cut this player off (it stayed too slow), or the subscription was closed; the session should close.
     * Every later {@code next} returns the same event at once.
     */
    record Disconnected(String reason) implements PlayerEvent {}
}
