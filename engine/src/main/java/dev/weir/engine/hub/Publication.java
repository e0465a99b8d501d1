package dev.weir.engine.hub;

/** A publisher's handle on its stream. Closing it unpublishes. Called from the publisher's thread only. */
public interface Publication extends AutoCloseable {

    StreamKey key();

    /**
     * Hands one message to every player. Never blocks on players: a slow player's queue overflows on its own.
     * Data messages whose AMF name is {@code onMetaData} are cached for late joiners.
     */
    void send(MediaMessage message);

    @Override
    void close();
}
