package dev.weir.engine.record;

import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's recordings: one {@link StreamRecording} per stream, started and stopped at any moment
 * ({@code WeirEngine.startRecording/stopRecording}, the console), or for every published stream ({@code
 * -record-all}: a watcher on the thread {@code weir-record-all} checks four times a second for published streams
 * without a recording; the recording joins like a late player, so it starts at the cached keyframe).
 * Closing stops and finalizes them all.
 */
public final class Recordings implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final StreamHub hub;
    private final TsFeeds feeds;
    private final Path dir;
    private final Clock clock;
    private final Map<StreamKey, StreamRecording> recordings = new ConcurrentHashMap<>();
    private final Set<StreamKey> released = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService watcher;
    private boolean closed;

    public Recordings(StreamHub hub, TsFeeds feeds, Path dir, Clock clock) {
        this.hub = hub;
        this.feeds = feeds;
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Starts recording {@code key} (now if it is published, else as soon as it is). No-op when already recording. */
    public synchronized void start(StreamKey key) {
        start(key, false);
    }

    private synchronized void start(StreamKey key, boolean onePublication) {
        if (closed) throw new IllegalStateException("the engine is shut down");
        StreamRecording current = recordings.get(key);
        if (current != null && current.isActive()) return;
        StreamRecording r = new StreamRecording(key, dir, hub, feeds, clock, onePublication, "record-" + IDS.incrementAndGet());
        recordings.put(key, r);
        r.start();
        log.info("recording of {} started (directory {})", key, dir);
    }

    /** Stops recording {@code key} and finalizes its file; returns once the file is closed. */
    public void stop(StreamKey key) {
        StreamRecording r = recordings.get(key);
        if (r != null) r.stop();
    }

    /** The recording of {@code key} (running or the last one), or {@code null} when it never was recorded. */
    public RecordingSnapshot snapshot(StreamKey key) {
        StreamRecording r = recordings.get(key);
        return r == null ? null : r.snapshot();
    }

    /** Records every stream as it is published, until closed. */
    public synchronized void recordAll() {
        if (watcher != null || closed) return;
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-record-all");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::recordPublished, 0, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * A recording that ended with its publication is started again for the next one. One that was stopped by the
     * operator or failed stays off while that publication lasts ({@code released} once the key is seen without
     * a publisher), so a failing disk is not retried four times a second.
     */
    private void recordPublished() {
        try {
            Set<StreamKey> publishing = new HashSet<>();
            for (StreamSnapshot s : hub.streamSnapshots()) {
                if (s.state() == StreamSnapshot.StreamState.PUBLISHING) publishing.add(StreamKey.parse(s.key()));
            }
            recordings.forEach((key, r) -> {
                if (!publishing.contains(key) && !r.isActive()) released.add(key);
            });
            for (StreamKey key : publishing) {
                StreamRecording r = recordings.get(key);
                if (r == null || (!r.isActive() && (r.endedWithPublication() || released.remove(key)))) {
                    synchronized (this) {
                        if (!closed) start(key, true);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("record-all check failed", e);
        }
    }

    /** Stops every recording and finalizes the files. */
    @Override
    public void close() {
        List<StreamRecording> all;
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (watcher != null) watcher.shutdownNow();
            all = new ArrayList<>(recordings.values());
        }
        for (StreamRecording r : all) r.stop();
    }
}
