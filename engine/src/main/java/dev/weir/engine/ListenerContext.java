package dev.weir.engine;

import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.stats.ConnectionRegistry;

import java.util.function.LongSupplier;

/**
 * What a listener and its sessions get from the engine.
 *
 * @param hub         where sessions publish and play
 * @param connections where sessions register their {@code ConnectionCounters} (for stats)
 * @param config      the engine's configuration (limits, protocol settings)
 * @param nanoTime    the engine's monotonic clock: use it for {@code ConnectionCounters.startNanos} and timeouts
 * @param tsFeeds     the TS passthrough channels of streams published over SRT (beside the hub's FLV-form messages)
 * @param services    access control, hooks, SRT passphrase table, RTMPS certificate
 */
public record ListenerContext(StreamHub hub, ConnectionRegistry connections, EngineConfig config, LongSupplier nanoTime,
                              TsFeeds tsFeeds, SessionServices services) {

    public ListenerContext {
        if (services == null) services = SessionServices.OPEN;
    }

    /** Everyone admitted, no hooks. */
    public ListenerContext(StreamHub hub, ConnectionRegistry connections, EngineConfig config, LongSupplier nanoTime,
                           TsFeeds tsFeeds) {
        this(hub, connections, config, nanoTime, tsFeeds, SessionServices.OPEN);
    }

    /** A context with its own (empty) TS feeds, for listeners that neither publish nor play TS. */
    public ListenerContext(StreamHub hub, ConnectionRegistry connections, EngineConfig config, LongSupplier nanoTime) {
        this(hub, connections, config, nanoTime, new TsFeeds(), SessionServices.OPEN);
    }
}
