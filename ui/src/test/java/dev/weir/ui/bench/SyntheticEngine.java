package dev.weir.ui.bench;

import dev.weir.engine.ListenerException;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.VideoInfo;
import dev.weir.ui.engine.EngineControl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark only (never product code): a stats source that makes a fresh snapshot of {@code streams} synthetic
 * streams four times a second, half RTMP and half SRT (with full SRT statistics and key events), each with one
 * publisher and two players, numbers moving every time, the way the real sampler publishes them.
 */
final class SyntheticEngine implements EngineControl, AutoCloseable {
    private final int streams;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bench-synthetic-sampler").daemon(true).factory());
    private final SplittableRandom random = new SplittableRandom(42);
    private final Instant start = Instant.now();
    private volatile EngineSnapshot latest = EngineSnapshot.EMPTY;
    private long tick;

    private final boolean refusals;

    /** @param refusals whether the SRT listener's refusal count rises (one every 10 s), which raises notifications */
    SyntheticEngine(int streams, boolean refusals) {
        this.streams = streams;
        this.refusals = refusals;
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        tick++;
        Instant now = start.plusMillis(tick * 250);
        Duration up = Duration.ofMillis(tick * 250);
        List<StreamSnapshot> ss = new ArrayList<>(streams);
        List<ConnectionSnapshot> cs = new ArrayList<>(streams * 3);
        for (int i = 0; i < streams; i++) {
            boolean srt = i % 2 == 1;
            String key = "live/cam" + i;
            long in = 2_000_000 + random.nextLong(400_000);
            StreamSnapshot s = new StreamSnapshot(key, srt ? Protocol.SRT : Protocol.RTMP, "10.0.0." + (i % 250) + ":5000" + (i % 10),
                    StreamSnapshot.StreamState.PUBLISHING, up, in / 8 * tick / 4, in, in / 4 * tick / 4, in * 2,
                    new VideoInfo("H264", "High", "4.0", 1920, 1080, 29.97 + random.nextDouble(0.05)),
                    new AudioInfo("AAC", "LC", 48000, 2), 2.0, 2, 0, 0, 0,
                    i % 10 == 0 ? new RecordingSnapshot(RecordingSnapshot.State.RECORDING, "/rec/" + i + ".flv", "flv",
                            tick * 60_000, up, null) : null);
            ss.add(s);
            cs.add(new ConnectionSnapshot("c" + i, s.protocol(), "l", s.publisherAddress(), ConnectionSnapshot.Role.PUBLISHER,
                    ConnectionSnapshot.State.PUBLISHING, key, up, in / 8 * tick / 4, 0, in, 0, 0, srt ? srt(random, tick) : null));
            for (int p = 0; p < 2; p++) {
                cs.add(new ConnectionSnapshot("p" + i + "-" + p, Protocol.RTMP, "l", "10.1.0." + p + ":6000", ConnectionSnapshot.Role.PLAYER,
                        ConnectionSnapshot.State.PLAYING, key, up, 0, in / 8 * tick / 4, 0, in, 0, null));
            }
        }
        List<ListenerSnapshot> ls = List.of(
                new ListenerSnapshot("rtmp:0.0.0.0:1935", Protocol.RTMP, "0.0.0.0:1935", ListenerSnapshot.ListenerState.RUNNING, null, streams, streams, 0),
                new ListenerSnapshot("srt:0.0.0.0:10080", Protocol.SRT, "0.0.0.0:10080", ListenerSnapshot.ListenerState.RUNNING, null, streams, streams, refusals ? tick / 40 : 0));
        latest = new EngineSnapshot(now, ls, ss, cs);
    }

    private static SrtStats srt(SplittableRandom r, long tick) {
        var total = new SrtStats.Totals(tick * 180, tick * 180, tick * 180, tick * 180, 0, tick / 10, tick / 12, tick / 12, 0, 0,
                0, 0, tick * 25, tick * 25, tick / 10, 0, tick * 240_000, tick * 240_000, tick * 240_000, tick * 240_000, 0, 0, 0, 0, 0);
        var interval = new SrtStats.Interval(250, 45, 45, 45, 45, 0, r.nextInt(3), r.nextInt(2), 0, 0, 0, 0, 0, 6, 6, 0, 0,
                60_000, 60_000, 0, 60_000, 60_000, 0, 0, 2.0, 2.0);
        var instant = new SrtStats.Instant(10, 8192, 8192, 10, 20 + r.nextDouble(5), 2, 100, 1000, 1500,
                0, 0, 0, 120, 0, 40, 60_000, 100 + r.nextInt(20), 120, 1_000_000, 0);
        var keys = new SrtStats.KeyMaterialStatus(true, 16, "even", tick / 100,
                List.of(new KeyMaterialEvent(tick * 250, KeyMaterialEvent.Kind.PEER_REFRESHED, "both")));
        return new SrtStats(tick * 250, total, interval, instant, keys);
    }

    @Override public EngineSnapshot snapshot() { return latest; }
    @Override public EngineConfig config() { return EngineConfig.DEFAULTS; }
    @Override public String startListener(Protocol p, String a) throws ListenerException { throw new ListenerException("benchmark"); }
    @Override public void stopListener(String id) { }
    @Override public void startRecording(String key) { }
    @Override public void stopRecording(String key) { }
    @Override public boolean disconnect(String id) { return false; }
    @Override public List<String> reloadAccessFiles() { return List.of(); }
    @Override public void restart(EngineConfig c) { }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
