package dev.weir.engine.hub;

import java.time.Duration;

/** A player's handle on its stream. Closing it detaches the player. */
public interface Subscription extends AutoCloseable {

    StreamKey key();

    /** True when the key has a publisher right now. */
    boolean isPublished();

    /**
     * The next event, waiting up to {@code timeout}; {@code null} when none came in time.
     * Called from the player's own thread.
     */
    PlayerEvent next(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
