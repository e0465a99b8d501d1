package dev.weir.engine;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StatsSource;

/**
 * The engine as its callers (console, {@code weir server}, tests) see it: start and stop listeners, read
 * snapshots, close. Owns the hub, the listeners and the stats sampler; closing it stops them all.
 *
 * <p>Work in progress: the hub/stats work fills in the body, the RTMP server work adds its listener.
 */
public final class WeirEngine implements StatsSource, AutoCloseable {
    private final EngineConfig config;

    public WeirEngine(EngineConfig config) {
        this.config = config;
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Starts an RTMP listener on {@code address} ({@code :1935}, {@code 127.0.0.1:0}, ...).
     *
     * @return the listener's id, as in {@code ListenerSnapshot.id}
     * @throws ListenerException with an operator-readable message (port in use, bad address, ...)
     */
    public String startRtmpListener(String address) throws ListenerException {
        throw new ListenerException("RTMP listener is not built yet");
    }

    /** Stops a listener and closes its connections. Unknown ids are ignored. */
    public void stopListener(String listenerId) {
    }

    @Override
    public EngineSnapshot snapshot() {
        return EngineSnapshot.EMPTY;
    }

    @Override
    public void close() {
    }
}
