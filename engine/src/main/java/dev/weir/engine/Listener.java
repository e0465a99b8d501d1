package dev.weir.engine;

import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;

/**
 * A server socket that accepts one protocol's connections and runs their sessions against the hub. Made by a
 * {@link ListenerFactory}; the {@link WeirEngine} starts, stops and restarts them and keeps their state.
 *
 * <p>A listener is started at most once: restarting means the engine asks the factory for a new one.
 */
public interface Listener extends AutoCloseable {

    /** The id the engine gave it at creation, as in {@link ListenerSnapshot#id()}. */
    String id();

    Protocol protocol();

    /**
     * Binds and starts accepting; returns once the socket is bound (accepting runs on the listener's own
     * threads). Failing to bind throws with an operator-readable message; {@link BindErrors} writes the usual ones.
     */
    void start() throws ListenerException;

    /** Stops accepting and closes every connection it accepted. Idempotent. */
    @Override
    void close();

    /** Its state and counters now; {@link ListenerSnapshot#address()} is the bound address once started. */
    ListenerSnapshot snapshot();
}
