package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.StreamSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The engine's hub: streams live in memory, created on first publish or play and removed when they have
 * neither publisher nor players. The map is touched only when sessions come and go; sending takes just the
 * stream's own lock.
 */
public final class InMemoryStreamHub implements StreamHub {
    private final ConcurrentHashMap<StreamKey, HubStream> streams = new ConcurrentHashMap<>();
    private final Limits limits;
    private final GopCacheLimits gopLimits;
    private final LongSupplier nanoTime;

    /**
     * @param limits    player queue bounds ({@code playerQueueBytes}, {@code playerMaxSkips})
     * @param gopLimits late-join cache bounds; the byte bound is capped at half a player's queue, so a late
     *                  joiner's first burst never counts as falling behind
     * @param nanoTime  monotonic clock for uptimes and rates ({@code System::nanoTime} outside tests)
     */
    public InMemoryStreamHub(Limits limits, GopCacheLimits gopLimits, LongSupplier nanoTime) {
        this.limits = limits;
        this.gopLimits = new GopCacheLimits(Math.min(gopLimits.maxBytes(), limits.playerQueueBytes() / 2),
                gopLimits.maxMessages());
        this.nanoTime = nanoTime;
    }

    public InMemoryStreamHub(Limits limits) {
        this(limits, GopCacheLimits.DEFAULTS, System::nanoTime);
    }

    @Override
    public Publication publish(StreamKey key, PeerInfo publisher) throws StreamBusyException {
        while (true) {
            HubPublication p = stream(key).publish(publisher);
            if (p != null) return p;
        }
    }

    @Override
    public Subscription play(StreamKey key, PeerInfo player) {
        while (true) {
            Player p = stream(key).attach(player);
            if (p != null) return p;
        }
    }

    private HubStream stream(StreamKey key) {
        return streams.computeIfAbsent(key, k -> new HubStream(k, this, limits, gopLimits, nanoTime));
    }

    void removeStream(HubStream stream) {
        streams.remove(stream.key(), stream);
    }

    @Override
    public List<StreamSnapshot> streamSnapshots() {
        List<StreamSnapshot> out = new ArrayList<>(streams.size());
        for (HubStream s : streams.values()) out.add(s.snapshot());
        out.sort(Comparator.comparing(StreamSnapshot::key));
        return out;
    }

    @Override
    public Map<String, Long> droppedMessagesByConnection() {
        Map<String, Long> out = new HashMap<>();
        for (HubStream s : streams.values()) s.addPlayerDrops(out);
        return out;
    }

    @Override
    public boolean isPublished(StreamKey key) {
        HubStream s = streams.get(key);
        return s != null && s.isPublished();
    }

    /** True while the hub holds {@code key} (it has a publisher or players). */
    public boolean hasStream(StreamKey key) {
        return streams.containsKey(key);
    }

    /** The late-join GOP cache of {@code key} as (messages, bytes), for tests and diagnostics; null when absent. */
    long[] cachedGop(StreamKey key) {
        HubStream s = streams.get(key);
        return s == null ? null : new long[] {s.cachedGopMessages(), s.cachedGopBytes()};
    }
}
