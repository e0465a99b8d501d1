package dev.weir.engine.hub;

import java.time.Duration;

/** A player's handle on its stream. Closing it detaches the player. */
public interface Subscription extends AutoCloseable {

    StreamKey key();

    /** True when the key has a publisher right now. */
    boolean isPublished();

    /**
     * The next event, waiting up to {@code timeout}; {@code null} when none came in time.
     * Called from the player's own thread. After {@link PlayerEvent.Disconnected} (or after {@link #close()})
     * every call returns that same event at once: the session should close.
     */
    PlayerEvent next(Duration timeout) throws InterruptedException;

    /**
     * The next event, waiting as long as it takes (closing the subscription ends the wait with
     * {@link PlayerEvent.Disconnected}). For a writer thread that has nothing else to do; a hub may wait more
     * cheaply here than with a timeout.
     */
    default PlayerEvent take() throws InterruptedException {
        PlayerEvent event;
        do {
            event = next(Duration.ofDays(1));
        } while (event == null);
        return event;
    }

    /**
     * Media messages this player lost because it fell behind (skipped to a keyframe, or cut off with messages
     * still queued). The stats already show it on the player's connection (through
     * {@link StreamHub#droppedMessagesByConnection()}); sessions need not copy it into their counters.
     */
    default long droppedMessages() {
        return 0;
    }

    @Override
    void close();
}
