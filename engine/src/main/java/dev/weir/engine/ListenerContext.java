package dev.weir.engine;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.stats.ConnectionRegistry;

import java.util.function.LongSupplier;

/**
 * What a listener and its sessions get from the engine.
 *
 * @param hub         where sessions publish and play
 * @param connections where sessions register their {@code ConnectionCounters} (for stats)
 * @param config      the engine's configuration (limits, protocol settings)
 * @param nanoTime    the engine's monotonic clock: use it for {@code ConnectionCounters.startNanos} and timeouts
 */
public record ListenerContext(StreamHub hub, ConnectionRegistry connections, EngineConfig config, LongSupplier nanoTime) {}
