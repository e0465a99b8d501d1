package dev.weir.engine.rtmp.server;

import dev.weir.engine.config.Limits;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RTMP server in-process on 127.0.0.1, with ffmpeg, rtmpdump and a protocol probe as real peers. */
class RtmpInteropIT {
    @TempDir
    Path work;

    private SimpleTestHub hub;
    private ConnectionRegistry registry;
    private RtmpListener listener;
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        hub = new SimpleTestHub();
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

    private void awaitPlayers(StreamKey key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (hub.players(key) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " players on " + key + ", have " + hub.players(key));
            }
            Thread.sleep(50);
        }
    }
}
