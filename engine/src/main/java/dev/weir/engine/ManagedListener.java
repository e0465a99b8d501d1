package dev.weir.engine;

import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;

import java.net.InetSocketAddress;

/**
 * The engine's record of one listener across starts and stops: what was asked for, the running instance if any,
 * and why the last start failed. Guarded by the engine's listener lock.
 */
final class ManagedListener {
    /** {@code rtmp:HOST:PORT}; for a port-0 request, the bound port once it ran (so a restart keeps the port). */
    String id;
    final Protocol protocol;
    InetSocketAddress address;
    Listener running;
    ListenerState state = ListenerState.STOPPED;
    String lastError;
    /** The running listener's last snapshot, kept so a stopped listener still shows its totals. */
    ListenerSnapshot lastSeen;

    ManagedListener(String id, Protocol protocol, InetSocketAddress address) {
        this.id = id;
        this.protocol = protocol;
        this.address = address;
    }

    ListenerSnapshot snapshot() {
        if (running != null) {
            ListenerSnapshot s = running.snapshot();
            lastSeen = s;
            return s;
        }
        long accepted = lastSeen == null ? 0 : lastSeen.accepted();
        long rejected = lastSeen == null ? 0 : lastSeen.rejected();
        return new ListenerSnapshot(id, protocol, BindErrors.describe(address), state, lastError, 0, accepted, rejected);
    }
}
