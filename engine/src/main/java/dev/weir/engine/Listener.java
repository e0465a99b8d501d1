package dev.weir.engine;

import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * A server socket that accepts one protocol's connections and runs their sessions against the hub. Made by a
 * {@link ListenerFactory}; the {@link WeirEngine} starts, stops and restarts them and keeps their state.
 *
 * <p>A listener is started at most once: restarting means the engine asks the factory for a new one.
 */
public interface Listener extends AutoCloseable {

    /**
     * Its id, as in {@link ListenerSnapshot#id()} and {@code ConnectionCounters.listenerId}: {@link #idOf} of its
     * protocol and {@link #boundAddress()}. After {@link #start()} it names the bound port, also when port 0 was
     * asked for.
     */
    default String id() {
        return idOf(protocol(), boundAddress());
    }

    Protocol protocol();

    /** The address it listens on: the requested one before {@link #start()}, the bound one (real port) after. */
    InetSocketAddress boundAddress();

    /**
     * Binds and starts accepting; returns once the socket is bound (accepting runs on the listener's own
     * threads). Failing to bind throws with an operator-readable message; {@link BindErrors} writes the usual ones.
     */
    void start() throws ListenerException;

    /**
     * Stops accepting and closes every connection it accepted. Idempotent. Returns once the port is free, so a
     * restart can bind it again at once: the JDK releases a server socket only after the thread blocked in
     * {@code accept()} has left it, so wait for that thread.
     */
    @Override
    void close();

    /** Its state and counters now; {@link ListenerSnapshot#address()} is the bound address once started. */
    ListenerSnapshot snapshot();

    /** The id of a listener of {@code protocol} on {@code address}: {@code rtmp:0.0.0.0:1935}, {@code srt:[::1]:9000}. */
    static String idOf(Protocol protocol, InetSocketAddress address) {
        return protocol.name().toLowerCase(Locale.ROOT) + ":" + BindErrors.describe(address);
    }
}
