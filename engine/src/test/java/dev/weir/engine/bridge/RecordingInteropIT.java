package dev.weir.engine.bridge;

import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import dev.weir.engine.testing.RtmpProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings through the engine with real publishers: FLV for an RTMP H.264 publish, the TS as received for an
 * SRT publish, fragmented MP4 for H.265 over SRT (also played by the engine's own Enhanced RTMP probe, since
 * Debian's ffmpeg 5.1 cannot read Enhanced RTMP); an unwritable directory fails the recording, not the stream.
 */
class RecordingInteropIT {
    private static final int SECONDS = 6;

    @TempDir
    Path dir;

    @Test
    void rtmpH264PublishIsRecordedAsFlv() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false)) {
            weir.engine.startRecording("live/flv");
            assertEquals(RecordingSnapshot.State.WAITING, weir.engine.recording("live/flv").state());
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "rtmp-publisher", weir.rtmpUrl("live/flv"), SECONDS)) {
                awaitRecording(weir, "live/flv");
                publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
            }
            Path file = awaitFinished(weir, "live/flv");
            assertTrue(file.getFileName().toString().matches("live_flv_\\d{8}_\\d{6}\\.flv"), file.toString());
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(file));
            assertDuration(file, SECONDS);
            assertEquals(SECONDS * 25, Ffprobe.decodedVideoFrames(file), 2);
        }
    }

    @Test
    void srtPublishIsRecordedAsReceivedTs() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false)) {
            weir.engine.startRecording("live/ts");
            try (PeerProcess publisher = weir.publishSrt("srt-publisher", weir.srtUrl("publish:live/ts", ""), SECONDS, "x264")) {
                awaitRecording(weir, "live/ts");
                publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
            }
            Path file = awaitFinished(weir, "live/ts");
            assertTrue(file.toString().endsWith(".ts"), file.toString());
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(file).stream().distinct().toList());
            assertDuration(file, SECONDS);
        }
    }

    @Test
    void srtH265PlaysAsEnhancedRtmpAndIsRecordedAsFragmentedMp4() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false)) {
            weir.engine.startRecording("live/hevc");
            RtmpProbe probe;
            try (PeerProcess publisher = weir.publishSrt("srt-h265-publisher", weir.srtUrl("publish:live/hevc", ""), SECONDS, "x265")) {
                probe = RtmpProbe.play("127.0.0.1", weir.rtmpPort, "live", "hevc");
                probe.await(0, e -> e instanceof RtmpProbe.Event.Media m && m.typeId() == 9 && m.keyframe()
                        && !m.sequenceHeader(), Duration.ofSeconds(20));
                publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 30));
            }
            List<RtmpProbe.Event.Media> video = probe.events().stream()
                    .filter(e -> e instanceof RtmpProbe.Event.Media m && m.typeId() == 9)
                    .map(e -> (RtmpProbe.Event.Media) e).toList();
            probe.close();
            assertTrue(video.size() > 50, "video messages: " + video.size());
            assertTrue(video.stream().allMatch(m -> "hvc1".equals(m.fourCc())), "every video message is Enhanced RTMP hvc1");
            assertTrue(video.get(0).sequenceHeader(), "starts with the hvcC sequence start");
            Path file = awaitFinished(weir, "live/hevc");
            assertTrue(file.toString().endsWith(".mp4"), file.toString());
            assertEquals(List.of("hevc", "aac"), Ffprobe.codecs(file));
            assertDuration(file, SECONDS);
            assertTrue(Ffprobe.decodedVideoFrames(file) >= SECONDS * 25 - 25, "frames");
        }
    }

    @Test
    void unwritableDirectoryFailsTheRecordingNotTheStream() throws Exception {
        // A regular file where the directory should be: fails for root too (CI runs as root; permissions would not).
        Path locked = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path rec = locked.resolve("recordings");
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false, rec)) {
            weir.engine.startRecording("live/full");
            Path flv = dir.resolve("still-flowing.flv");
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "rtmp-publisher", weir.rtmpUrl("live/full"), SECONDS)) {
                RecordingSnapshot failed = awaitState(weir, "live/full", RecordingSnapshot.State.FAILED);
                assertNotNull(failed.lastError());
                assertTrue(failed.lastError().contains(locked.toString()) || failed.lastError().contains("permission"),
                        failed.lastError());
                StreamSnapshot stream = weir.engine.sampleStats().streams().stream()
                        .filter(s -> s.key().equals("live/full")).findFirst().orElseThrow();
                assertEquals(RecordingSnapshot.State.FAILED, stream.recording().state());
                try (PeerProcess reader = Ffmpeg.recordToFlv(dir, "rtmp-reader", weir.rtmpUrl("live/full"), flv)) {
                    publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
                    reader.await(Duration.ofSeconds(20));
                }
            }
            assertTrue(Ffprobe.decodedVideoFrames(flv) > 25, "the stream kept flowing to players");
        }
    }

    @Test
    void recordAllRecordsEveryPublishedStream() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, true)) {
            try (PeerProcess a = Ffmpeg.publishTestSource(dir, "rtmp-a", weir.rtmpUrl("live/a"), 4);
                 PeerProcess b = weir.publishSrt("srt-b", weir.srtUrl("publish:live/b", ""), 4, "x264")) {
                a.awaitSuccess(Duration.ofSeconds(30));
                b.awaitSuccess(Duration.ofSeconds(30));
            }
            Path fa = awaitFinished(weir, "live/a");
            Path fb = awaitFinished(weir, "live/b");
            assertTrue(fa.toString().endsWith(".flv") && fb.toString().endsWith(".ts"), fa + " " + fb);
            int framesA = Ffprobe.decodedVideoFrames(fa);
            int framesB = Ffprobe.decodedVideoFrames(fb);
            assertTrue(framesA > 50 && framesB > 50, framesA + " and " + framesB + " frames");
        }
    }

    static void assertDuration(Path file, int seconds) {
        double d = Ffprobe.durationSeconds(file);
        assertTrue(Math.abs(d - seconds) <= 1.0, file + " lasts " + d + " s, expected " + seconds + " ± 1");
    }

    static void awaitRecording(BridgeFixture weir, String key) throws InterruptedException {
        awaitState(weir, key, RecordingSnapshot.State.RECORDING);
    }

    static RecordingSnapshot awaitState(BridgeFixture weir, String key, RecordingSnapshot.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        RecordingSnapshot r = null;
        while (System.nanoTime() < deadline) {
            r = weir.engine.recording(key);
            if (r != null && r.state() == state) return r;
            Thread.sleep(50);
        }
        throw new AssertionError(key + " recording never " + state + ", last: " + r);
    }

    /** Waits for the recording to close its file after the publisher left; returns the file. */
    static Path awaitFinished(BridgeFixture weir, String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        RecordingSnapshot r = null;
        while (System.nanoTime() < deadline) {
            r = weir.engine.recording(key);
            if (r != null && r.file() != null && r.state() != RecordingSnapshot.State.RECORDING) {
                assertTrue(r.state() != RecordingSnapshot.State.FAILED, r.toString());
                assertTrue(r.bytes() > 0 && r.bytes() == Files.size(Path.of(r.file())), r.toString());
                return Path.of(r.file());
            }
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(weir.dir.resolve("recordings"))) {
            throw new AssertionError(key + " recording did not finish: " + r + "; files " + files.toList());
        }
    }
}
