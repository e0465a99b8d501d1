package dev.weir.engine.rtmp.server;

import dev.weir.engine.config.Limits;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffplay;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import dev.weir.engine.testing.RtmpProbe;
import dev.weir.engine.testing.Rtmpdump;
import dev.weir.engine.rtmp.message.CommandReplies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RTMP server in-process on 127.0.0.1, with ffmpeg, rtmpdump and a protocol probe as real peers. */
class RtmpInteropIT {
    @TempDir
    Path work;

    private InMemoryStreamHub hub;
    private ConnectionRegistry registry;
    private RtmpListener listener;
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        hub = new InMemoryStreamHub(Limits.DEFAULTS);
        registry = new ConnectionRegistry();
        listener = new RtmpListener(new InetSocketAddress("127.0.0.1", 0), new RtmpSettings("127.0.0.1:0", 4096),
                Limits.DEFAULTS, hub, registry);
        listener.start();
        base = "rtmp://127.0.0.1:" + listener.boundAddress().getPort() + "/live/";
    }

    @AfterEach
    void stopServer() {
        listener.close();
    }

    @Test
    void ffmpegReadsBackEveryFrameFfmpegPublished() throws Exception {
        Path flv = work.resolve("readback.flv");
        try (PeerProcess reader = Ffmpeg.recordToFlv(work, "reader", base + "readback", flv)) {
            awaitPlayers(new StreamKey("live", "readback"), 1);
            try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "readback", 10)) {
                publisher.awaitSuccess(Duration.ofSeconds(40));
            }
            reader.await(Duration.ofSeconds(20));
        }
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(flv));
        int frames = Ffprobe.decodedVideoFrames(flv);
        assertTrue(frames >= 245 && frames <= 250, "decoded " + frames + " of 250 frames sent");
    }

    /**
     * A publisher whose clock crosses 0xFFFFFF ms (4 h 39 min 37 s) mid-stream: ffmpeg switches to extended
     * timestamps, on type-3 chunks too. Nothing may break: the reader decodes every frame.
     */
    @Test
    void aPublisherClockPastTheExtendedTimestampLimitKeepsFlowing() throws Exception {
        Path flv = work.resolve("extended.flv");
        try (PeerProcess reader = Ffmpeg.recordToFlv(work, "reader", base + "long", flv)) {
            awaitPlayers(new StreamKey("live", "long"), 1);
            // start 2 s before 0xFFFFFF ms, run 6 s
            List<String> offset = List.of("-output_ts_offset", "16775.2");
            try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "long", 6, offset)) {
                publisher.awaitSuccess(Duration.ofSeconds(30));
            }
            reader.await(Duration.ofSeconds(20));
        }
        int frames = Ffprobe.decodedVideoFrames(flv);
        assertTrue(frames >= 145 && frames <= 150, "decoded " + frames + " of 150 frames across the 24-bit limit");
    }

    @Test
    void ffplayPlaysUntilThePublisherLeaves() throws Exception {
        StreamKey key = new StreamKey("live", "ffplay");
        try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "ffplay", 6)) {
            awaitPublished(key);
            try (PeerProcess ffplay = Ffplay.play(work, "ffplay", base + "ffplay")) {
                publisher.awaitSuccess(Duration.ofSeconds(30));
                int code = ffplay.await(Duration.ofSeconds(20)); // ends at NetStream.Play.UnpublishNotify
                assertEquals(0, code, ffplay.logTail());
                String log = ffplay.log();
                assertTrue(log.contains("Video: h264") && log.contains("Audio: aac"), ffplay.logTail());
            }
        }
    }

    @Test
    void rtmpdumpPlaysAndItsFlvDecodes() throws Exception {
        Path flv = work.resolve("rtmpdump.flv");
        try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "dump", 12)) {
            awaitPublished(new StreamKey("live", "dump"));
            try (PeerProcess dump = Rtmpdump.playLive(work, "rtmpdump", base + "dump", flv, 5)) {
                dump.await(Duration.ofSeconds(30));
            }
            publisher.awaitSuccess(Duration.ofSeconds(40));
        }
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(flv));
        int frames = Ffprobe.decodedVideoFrames(flv);
        assertTrue(frames >= 3 * Ffmpeg.FPS, "rtmpdump's FLV decodes to only " + frames + " frames");
    }

    @Test
    void twoPlayersAtOnceBothGetEveryFrame() throws Exception {
        Path first = work.resolve("first.flv");
        Path second = work.resolve("second.flv");
        StreamKey key = new StreamKey("live", "two");
        try (PeerProcess a = Ffmpeg.recordToFlv(work, "player-a", base + "two", first);
             PeerProcess b = Ffmpeg.recordToFlv(work, "player-b", base + "two", second)) {
            awaitPlayers(key, 2);
            try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "two", 6)) {
                publisher.awaitSuccess(Duration.ofSeconds(30));
            }
            a.await(Duration.ofSeconds(20));
            b.await(Duration.ofSeconds(20));
        }
        for (Path flv : List.of(first, second)) {
            int frames = Ffprobe.decodedVideoFrames(flv);
            assertTrue(frames >= 145 && frames <= 150, flv.getFileName() + " decoded " + frames + " of 150 frames sent");
        }
    }

    @Test
    void lateJoinerStartsOnAKeyframe() throws Exception {
        Path flv = work.resolve("late.flv");
        StreamKey key = new StreamKey("live", "late");
        try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher", base + "late", 12)) {
            awaitPublished(key);
            Thread.sleep(3500); // past the second keyframe (every 2 s), mid-GOP
            try (RtmpProbe probe = RtmpProbe.play("127.0.0.1", port(), "live", "late");
                 PeerProcess dump = Rtmpdump.playLive(work, "late-rtmpdump", base + "late", flv, 3)) {
                int first = probe.await(0, RtmpProbe.videoFrame(), Duration.ofSeconds(10));
                assertTrue(((RtmpProbe.Event.Media) probe.events().get(first)).keyframe(),
                        "the probe's first video frame is not a keyframe");
                dump.await(Duration.ofSeconds(30));
            }
            publisher.awaitSuccess(Duration.ofSeconds(40));
        }
        List<String> flags = Ffprobe.videoPacketFlags(flv, 3);
        assertFalse(flags.isEmpty(), "rtmpdump wrote no video");
        assertTrue(flags.get(0).startsWith("K"), "rtmpdump's first video packet is not a keyframe: " + flags);
        assertTrue(Ffprobe.decodedVideoFrames(flv) > 0, "late joiner's FLV does not decode");
    }

    @Test
    void duplicatePublisherIsRefusedAndTheFirstCarriesOn() throws Exception {
        Path flv = work.resolve("dup.flv");
        StreamKey key = new StreamKey("live", "dup");
        try (PeerProcess reader = Ffmpeg.recordToFlv(work, "reader", base + "dup", flv)) {
            awaitPlayers(key, 1);
            try (PeerProcess first = Ffmpeg.publishTestSource(work, "first", base + "dup", 8)) {
                awaitPublished(key);
                Thread.sleep(1000);
                try (PeerProcess second = Ffmpeg.publishTestSource(work, "second", base + "dup", 8)) {
                    int code = second.await(Duration.ofSeconds(20));
                    assertNotEquals(0, code, "the second publisher was not refused\n" + second.logTail());
                }
                assertTrue(first.isAlive(), "the first publisher stopped when the second was refused");
                first.awaitSuccess(Duration.ofSeconds(30));
            }
            reader.await(Duration.ofSeconds(20));
        }
        int frames = Ffprobe.decodedVideoFrames(flv);
        assertTrue(frames >= 195 && frames <= 200, "player decoded " + frames + " of 200 frames of the first publisher");
    }

    @Test
    void publisherThatComesBackResumesItsPlayers() throws Exception {
        StreamKey key = new StreamKey("live", "again");
        try (RtmpProbe probe = RtmpProbe.play("127.0.0.1", port(), "live", "again")) {
            probe.await(0, RtmpProbe.status(CommandReplies.PLAY_START), Duration.ofSeconds(10));
            try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher-1", base + "again", 3)) {
                publisher.awaitSuccess(Duration.ofSeconds(30));
            }
            int gone = probe.await(0, RtmpProbe.status(CommandReplies.PLAY_UNPUBLISH_NOTIFY), Duration.ofSeconds(10));
            assertTrue(probe.await(0, RtmpProbe.videoFrame(), Duration.ofSeconds(1)) < gone, "no video before unpublish");

            Path flv = work.resolve("after.flv");
            try (PeerProcess publisher = Ffmpeg.publishTestSource(work, "publisher-2", base + "again", 4)) {
                int back = probe.await(gone, RtmpProbe.status(CommandReplies.PLAY_PUBLISH_NOTIFY), Duration.ofSeconds(15));
                int resumed = probe.await(back, RtmpProbe.videoFrame(), Duration.ofSeconds(10));
                assertTrue(((RtmpProbe.Event.Media) probe.events().get(resumed)).keyframe(), "resumed on a non-keyframe");
                // a real player joining the second publish session decodes it too
                try (PeerProcess reader = Ffmpeg.recordToFlv(work, "reader-2", base + "again", flv)) {
                    publisher.awaitSuccess(Duration.ofSeconds(30));
                    reader.await(Duration.ofSeconds(20));
                }
            }
            assertTrue(Ffprobe.decodedVideoFrames(flv) > 0, "ffmpeg got no decodable video after the republish");
            List<RtmpProbe.Event> events = probe.events();
            long lastBefore = -1;
            for (RtmpProbe.Event e : events) {
                if (e instanceof RtmpProbe.Event.Media m && m.typeId() == 9) {
                    assertTrue(m.timestamp() >= lastBefore, "video timestamps went back across the republish");
                    lastBefore = m.timestamp();
                }
            }
        }
        assertFalse(HubState.isPublished(hub, key));
    }

    private int port() {
        return listener.boundAddress().getPort();
    }

    private void awaitPublished(StreamKey key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!HubState.isPublished(hub, key)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " was not published within 15 s");
            }
            Thread.sleep(50);
        }
    }

    private void awaitPlayers(StreamKey key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (HubState.players(hub, key) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " players on " + key + ", have " + HubState.players(hub, key));
            }
            Thread.sleep(50);
        }
    }
}
