package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real media through the hub, judged by real ffmpeg: ffmpeg encodes H.264 + AAC into FLV, the test publishes
 * every tag into the hub and writes what players receive back to FLV for ffmpeg to decode ({@code -xerror}, no
 * error output allowed). Covered: a player attached before the publisher, one joining in the middle of a GOP
 * (must start with metadata, headers and a keyframe), and one that stalls and skips (must resume on keyframes).
 * The player side is driven from the test thread, so "slow" is deterministic, not timed. Fails (not skips)
 * when ffmpeg is missing.
 */
class HubInteropIT {
    private static final StreamKey KEY = new StreamKey("live", "interop");
    private static final long JOIN_AT_MS = 3_600; // GOPs of 50 frames at 25 fps start at 0, 2000, 4000 ms

    @TempDir
    Path dir;

    @Test
    void earlyAndLateJoinersDecodeCleanly() throws Exception {
        InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS);
        Subscription early = hub.play(KEY, peer("early"));
        Publication publication = hub.publish(KEY, peer("publisher"));
        Subscription late = null;
        int videoFramesSent = 0;
        int videoFramesSinceKeyframe = 0;
        int videoFramesOwedToLate = 0;

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "6", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "50", "-c:a", "aac", "-f", "flv", "pipe:1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(ffmpeg.getInputStream()))) {
            FlvTestFiles.readHeader(in);
            for (MediaMessage m; (m = FlvTestFiles.readTag(in)) != null; ) {
                if (late == null && m.timestamp() >= JOIN_AT_MS) {
                    late = hub.play(KEY, peer("late"));
                    videoFramesOwedToLate = videoFramesSinceKeyframe; // the cached GOP
                }
                publication.send(m);
                if (m.kind() == MediaMessage.Kind.VIDEO) {
                    TagRole role = FlvVideoTag.roleOf(m.body());
                    if (role == TagRole.KEY_FRAME) videoFramesSinceKeyframe = 0;
                    if (role == TagRole.KEY_FRAME || role == TagRole.FRAME) {
                        videoFramesSent++;
                        videoFramesSinceKeyframe++;
                        if (late != null) videoFramesOwedToLate++;
                    }
                }
            }
        }
        assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS), "ffmpeg did not finish");
        assertEquals(0, ffmpeg.exitValue(), "ffmpeg failed");
        publication.close();
        assertNotNull(late, "the stream never reached the join point");
        assertEquals(150, videoFramesSent, "6 s at 25 fps");
        assertEquals(100, videoFramesOwedToLate, "from the keyframe at 2 s: the cached GOP and what followed");

        Path earlyFile = record(early, dir.resolve("early.flv"));
        Path lateFile = record(late, dir.resolve("late.flv"));
        assertEquals(0, early.droppedMessages());
        assertEquals(0, late.droppedMessages());

        assertDecodesCleanly(earlyFile);
        assertDecodesCleanly(lateFile);
        assertEquals(videoFramesSent, decodedVideoFrames(earlyFile));
        assertEquals(videoFramesOwedToLate, decodedVideoFrames(lateFile));
        assertEquals("h264,640,360", probe(lateFile, "stream=codec_name,width,height", "v:0"));
        assertEquals("aac,44100", probe(lateFile, "stream=codec_name,sample_rate", "a:0"));
    }

    @Test
    void aPlayerThatFallsBehindSkipsToKeyframesAndStillDecodesCleanly() throws Exception {
        // 300 kB queues: a player that stops reading for a second and a half overflows within the stall and skips.
        Limits l = Limits.DEFAULTS;
        Limits small = new Limits(l.maxConnections(), l.maxIncomingChunkSize(), l.maxMessageSize(), l.maxChunkStreams(),
                l.handshakeTimeout(), l.idleTimeout(), 300_000, Integer.MAX_VALUE);
        InMemoryStreamHub hub = new InMemoryStreamHub(small);
        Subscription stalling = hub.play(KEY, peer("stalling"));
        Publication publication = hub.publish(KEY, peer("publisher"));
        Path file = dir.resolve("stalling.flv");
        int videoFramesReceived = 0;
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "8", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25", "-b:v", "4M", "-c:a", "aac",
                "-f", "flv", "pipe:1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(ffmpeg.getInputStream()));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            FlvTestFiles.writeHeader(out);
            FlvTestFiles.readHeader(in);
            for (MediaMessage m; (m = FlvTestFiles.readTag(in)) != null; ) {
                publication.send(m);
                boolean stalled = (m.timestamp() / 1000) % 4 == 1 || (m.timestamp() / 500) % 8 == 4; // 1.0-2.5 s of every 4
                if (stalled) continue;
                for (PlayerEvent e; (e = stalling.next(Duration.ZERO)) != null; ) {
                    if (e instanceof PlayerEvent.Media media) {
                        FlvTestFiles.writeTag(out, media.message());
                        TagRole role = media.message().kind() == MediaMessage.Kind.VIDEO
                                ? FlvVideoTag.roleOf(media.message().body()) : TagRole.SIDE_DATA;
                        if (role == TagRole.KEY_FRAME || role == TagRole.FRAME) videoFramesReceived++;
                    } else {
                        assertInstanceOf(PlayerEvent.Published.class, e);
                    }
                }
            }
        }
        assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS), "ffmpeg did not finish");
        assertEquals(0, ffmpeg.exitValue(), "ffmpeg failed");
        publication.close();
        stalling.close();

        assertTrue(stalling.droppedMessages() > 0, "the stalls made the player skip");
        assertTrue(videoFramesReceived < 200, "skipped frames are missing: got " + videoFramesReceived + " of 200");
        assertDecodesCleanly(file);
        assertEquals(videoFramesReceived, decodedVideoFrames(file), "every frame it got decodes");
    }

    /** Writes a player's media to an FLV file until Unpublished; fails on anything unexpected. */
    private static Path record(Subscription player, Path file) throws IOException, InterruptedException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            FlvTestFiles.writeHeader(out);
            while (true) {
                PlayerEvent e = player.next(Duration.ofSeconds(10));
                assertNotNull(e, "player got nothing for 10 s");
                switch (e) {
                    case PlayerEvent.Media m -> FlvTestFiles.writeTag(out, m.message());
                    case PlayerEvent.Published p -> { }
                    case PlayerEvent.Unpublished u -> {
                        return file;
                    }
                    case PlayerEvent.Disconnected d -> fail("player cut off: " + d.reason());
                }
            }
        } finally {
            player.close();
        }
    }

    private static void assertDecodesCleanly(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-v", "error", "-xerror", "-i", file.toString(),
                "-f", "null", "-").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output, "decoder errors in " + file.getFileName());
    }

    private static int decodedVideoFrames(Path file) throws IOException, InterruptedException {
        return Integer.parseInt(probe(file, "stream=nb_read_frames", "v:0", "-count_frames"));
    }

    private static String probe(Path file, String entries, String stream, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffprobe", "-v", "error", "-select_streams", stream,
                "-show_entries", entries, "-of", "csv=p=0"));
        cmd.addAll(List.of(extra));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static PeerInfo peer(String name) {
        return new PeerInfo(name, Protocol.RTMP, "127.0.0.1:" + name);
    }
}
