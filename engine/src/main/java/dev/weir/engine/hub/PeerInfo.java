package dev.weir.engine.hub;

import dev.weir.engine.stats.Protocol;

/**
 * Who publishes or plays: enough for stats and logs.
 *
 * @param connectionId the engine's id of the connection, as in {@code ConnectionSnapshot.id}
 * @param protocol     its protocol
 * @param remoteAddress {@code host:port}
 */
public record PeerInfo(String connectionId, Protocol protocol, String remoteAddress) {}
