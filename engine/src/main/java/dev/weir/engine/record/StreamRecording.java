package dev.weir.engine.record;

import dev.weir.engine.bridge.TsFeed;
import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RecordingSnapshot.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The recording of one stream: a hub player on its own platform thread ({@code weir-record-app/name}), so disk
 * latency never reaches the publisher (the hub only queues for it, and drops for it like any slow player).
 *
 * <p>Which file: the stream's TS as received when its publisher came over SRT ({@link TsRecorder}); otherwise,
 * from the first video sequence header, FLV for H.264 (and audio-only streams) and fragmented MP4 for H.265, AV1
 * and VP9 ({@link RecordingFormat}). A file covers one publication: it is finalized when the publisher leaves,
 * and the next publish starts a new file (unless {@code onePublication}, the {@code -record-all} mode, where the
 * recording ends with the publication and a new one is started for the next).
 *
 * <p>A write error (disk full) or a file that cannot be created (directory not writable) ends the recording as
 * FAILED with the reason in {@link #snapshot()} and a WARN log line; the stream is not affected.
 */
public final class StreamRecording {
    private static final Logger log = LoggerFactory.getLogger(StreamRecording.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Without a video sequence header after this much audio, the stream is taken as audio-only (FLV). */
    private static final long AUDIO_ONLY_AFTER_MS = 1000;
    private static final int MAX_PENDING = 4096;

    private final StreamKey key;
    private final Path dir;
    private final StreamHub hub;
    private final TsFeeds feeds;
    private final Clock clock;
    private final boolean onePublication;
    private final String connectionId;
    private final Thread thread;

    private volatile boolean stopRequested;
    private volatile State state = State.WAITING;
    private volatile Path file;
    private volatile String format;
    private volatile String lastError;
    private volatile long firstTimestamp = Long.MIN_VALUE;
    private volatile long lastTimestamp = Long.MIN_VALUE;
    private volatile long bytes;
    private volatile boolean endedWithPublication;

    // Owned by the recording thread.
    private RecordingSink sink;
    private TsRecorder tsRecorder;
    private TsFeed.Reader tsReader;
    private final List<MediaMessage> pending = new ArrayList<>();
    private boolean recordedSomething;

    StreamRecording(StreamKey key, Path dir, StreamHub hub, TsFeeds feeds, Clock clock, boolean onePublication,
                    String connectionId) {
        this.key = key;
        this.dir = dir;
        this.hub = hub;
        this.feeds = feeds;
        this.clock = clock;
        this.onePublication = onePublication;
        this.connectionId = connectionId;
        this.thread = Thread.ofPlatform().daemon().name("weir-record-" + key).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    public StreamKey key() {
        return key;
    }

    /** True until the recording thread has finished (stopped, failed, or its publication ended). */
    public boolean isActive() {
        return thread.isAlive();
    }

    /** True when it ended because its publication ended ({@code onePublication} mode). */
    boolean endedWithPublication() {
        return endedWithPublication;
    }

    /** Stops recording and finalizes the file; returns once it is closed (or after 10 s). */
    void stop() {
        stopRequested = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public RecordingSnapshot snapshot() {
        Path f = file;
        long size = bytes;
        if (f != null && state == State.RECORDING) {
            try {
                size = Files.size(f);
            } catch (IOException e) {
                // keep the last size seen
            }
        }
        long first = firstTimestamp;
        long last = lastTimestamp;
        Duration d = first == Long.MIN_VALUE || last < first ? Duration.ZERO : Duration.ofMillis(last - first);
        return new RecordingSnapshot(state, f == null ? null : f.toString(), format, size, d, lastError);
    }

    private void run() {
        try (Subscription sub = hub.play(key, new PeerInfo(connectionId, null, "file " + dir))) {
            while (!stopRequested) {
                if (tsReader != null) {
                    if (!pumpTs(sub)) break;
                    continue;
                }
                PlayerEvent e = sub.next(POLL);
                if (e != null && !handle(e)) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish(state == State.FAILED ? State.FAILED : State.STOPPED);
        }
    }

    /** @return false when the recording should end */
    private boolean handle(PlayerEvent e) {
        switch (e) {
            case PlayerEvent.Media m -> {
                if (sink == null) {
                    choose(m.message());
                } else {
                    write(m.message());
                }
                return state != State.FAILED;
            }
            case PlayerEvent.Published p -> {
                return true;
            }
            case PlayerEvent.Unpublished u -> {
                return endOfPublication();
            }
            case PlayerEvent.Disconnected d -> {
                fail("the hub cut the recorder off (" + d.reason() + "): the disk is too slow for this stream");
                return false;
            }
        }
    }

    /**
     * Waits for a video sequence header (or enough audio) to pick the file: fragmented MP4 for H.265, AV1 and VP9
     * whatever the source; else the TS as received when the publisher came over SRT; else FLV.
     */
    private void choose(MediaMessage m) {
        if (m.kind() == MediaMessage.Kind.VIDEO && FlvVideoTag.roleOf(m.body()) == TagRole.SEQUENCE_HEADER) {
            RecordingFormat f = RecordingFormat.forVideoHeader(m);
            pending.add(m);
            openFor(f);
            return;
        }
        pending.add(m);
        boolean sawVideo = false;
        long firstAudio = Long.MIN_VALUE;
        for (MediaMessage p : pending) {
            if (p.kind() == MediaMessage.Kind.VIDEO) sawVideo = true;
            if (p.kind() == MediaMessage.Kind.AUDIO && firstAudio == Long.MIN_VALUE) firstAudio = p.timestamp();
        }
        boolean audioOnly = !sawVideo && firstAudio != Long.MIN_VALUE && m.timestamp() - firstAudio >= AUDIO_ONLY_AFTER_MS;
        if (audioOnly || pending.size() >= MAX_PENDING) openFor(RecordingFormat.FLV);
    }

    private void openFor(RecordingFormat f) {
        TsFeed feed = feeds.current(key);
        if (f == RecordingFormat.FLV && feed != null) {
            pending.clear(); // the TS feed starts at its own cached keyframe, with PAT/PMT
            openTs(feed);
            return;
        }
        open(f);
        flushPending();
    }

    private void flushPending() {
        if (sink != null) for (MediaMessage p : pending) write(p);
        pending.clear();
    }

    private void open(RecordingFormat f) {
        try {
            Files.createDirectories(dir);
            Path target = freeName(f.extension());
            MediaRecorder recorder = f == RecordingFormat.FMP4 ? Fmp4Recorder.create(target) : FlvRecorder.create(target);
            file = target;
            format = f.extension();
            sink = new RecordingSink(key.toString(), recorder, failure -> fail(failure.message()));
            started();
        } catch (IOException e) {
            fail("cannot create a recording of " + key + " in " + dir + ": " + describe(e));
        }
    }

    /**
     * {@code app_name_YYYYMMDD_HHMMSS.ext}, or with {@code -2}, {@code -3}... before the extension when a file of
     * that second exists (a republish within the same second); recordings are never overwritten.
     */
    private Path freeName(String extension) {
        String name = RecordingNames.fileName(key, ZonedDateTime.now(clock), extension);
        Path p = dir.resolve(name);
        String stem = name.substring(0, name.length() - extension.length() - 1);
        for (int i = 2; Files.exists(p) && i < 1000; i++) p = dir.resolve(stem + "-" + i + "." + extension);
        return p;
    }

    private void openTs(TsFeed feed) {
        try {
            Files.createDirectories(dir);
            Path f = freeName("ts");
            tsRecorder = TsRecorder.create(f);
            file = f;
            format = "ts";
            tsReader = feed.subscribe();
            started();
        } catch (IOException e) {
            fail("cannot create a recording of " + key + " in " + dir + ": " + describe(e));
        }
    }

    private void started() {
        state = State.RECORDING;
        lastError = null;
        firstTimestamp = Long.MIN_VALUE;
        lastTimestamp = Long.MIN_VALUE;
        recordedSomething = true;
        log.info("recording {} to {}", key, file);
    }

    /** TS passthrough: the feed's payloads go to the file; the hub's copy only gives timing and events. */
    private boolean pumpTs(Subscription sub) throws InterruptedException {
        byte[] payload = tsReader.next(POLL);
        if (payload != null && payload.length == 0) {
            PlayerEvent rest; // the publisher unpublished before ending its feed: drop its last hub messages
            while ((rest = sub.next(Duration.ZERO)) != null && !(rest instanceof PlayerEvent.Disconnected)) {
                if (rest instanceof PlayerEvent.Media m) track(m.message());
            }
            closeFile();
            if (onePublication) {
                endedWithPublication = true;
                return false;
            }
            if (state != State.FAILED) state = State.WAITING;
            return true;
        }
        if (payload != null) {
            try {
                tsRecorder.write(payload, 0, payload.length);
            } catch (IOException e) {
                fail("recording of " + key + " to " + file + " stopped: " + describe(e));
                return false;
            }
        }
        PlayerEvent e;
        while ((e = sub.next(Duration.ZERO)) != null) {
            if (e instanceof PlayerEvent.Media m) track(m.message());
            if (e instanceof PlayerEvent.Disconnected d) {
                fail("the hub cut the recorder off (" + d.reason() + ")");
                return false;
            }
        }
        return true;
    }

    private void write(MediaMessage m) {
        track(m);
        sink.accept(m);
    }

    private void track(MediaMessage m) {
        if (m.kind() == MediaMessage.Kind.DATA) return;
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = m.timestamp();
        if (m.timestamp() > lastTimestamp) lastTimestamp = m.timestamp();
    }

    /** The publisher left: finalize this file. @return false when the recording ends here. */
    private boolean endOfPublication() {
        boolean had = recordedSomething;
        closeFile();
        pending.clear();
        if (onePublication && had) {
            endedWithPublication = true;
            return false;
        }
        if (state != State.FAILED) state = State.WAITING;
        return true;
    }

    private void closeFile() {
        if (sink != null) {
            long size = sizeOf(file);
            sink.close();
            sink = null;
            bytes = Math.max(size, sizeOf(file));
            log.info("recording {} finished: {} ({} bytes)", key, file, bytes);
        }
        if (tsRecorder != null) {
            try {
                tsRecorder.close();
            } catch (IOException e) {
                fail("recording of " + key + " to " + file + " could not be finished: " + describe(e));
            }
            tsRecorder = null;
            bytes = sizeOf(file);
            log.info("recording {} finished: {} ({} bytes)", key, file, bytes);
        }
        if (tsReader != null) {
            tsReader.close();
            tsReader = null;
        }
    }

    private void finish(State end) {
        closeFile();
        if (state != State.FAILED) state = end;
    }

    private void fail(String message) {
        if (state == State.FAILED) return;
        lastError = message;
        state = State.FAILED;
        log.warn("{} (the stream goes on without recording)", message);
        if (tsRecorder != null) {
            try {
                tsRecorder.close();
            } catch (IOException ignored) {
                // already failing: the first error is the one reported
            }
            tsRecorder = null;
        }
    }

    private static long sizeOf(Path f) {
        if (f == null) return 0;
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Disk full and permission errors in operator words. */
    static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied (" + m + ")";
        if (m.contains("No space left")) return "the disk is full (" + m + ")";
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + " (" + fse.getFile() + ")";
        }
        return m;
    }
}
