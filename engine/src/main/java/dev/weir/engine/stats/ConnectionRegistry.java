package dev.weir.engine.stats;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The connections open right now, for the stats sampler. Sessions register on accept and unregister on close. */
public final class ConnectionRegistry {
    private final ConcurrentHashMap<String, ConnectionCounters> open = new ConcurrentHashMap<>();

    public void register(ConnectionCounters c) {
        open.put(c.id(), c);
    }

    public void unregister(ConnectionCounters c) {
        open.remove(c.id(), c);
    }

    public Collection<ConnectionCounters> all() {
        return List.copyOf(open.values());
    }

    /** The open connection with this id, or {@code null}. */
    public ConnectionCounters find(String id) {
        return id == null ? null : open.get(id);
    }
}
