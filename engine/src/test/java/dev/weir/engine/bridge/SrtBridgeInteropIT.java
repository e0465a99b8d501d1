package dev.weir.engine.bridge;

import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media bridge with real peers on loopback: ffmpeg publishing MPEG-TS over SRT into the engine and reading it
 * back over RTMP, clear and encrypted.
 */
class SrtBridgeInteropIT {
    private static final int SECONDS = 6;
    private static final int FRAMES = SECONDS * 25;

    @TempDir
    Path dir;

    @Test
    void ffmpegPublishesOverSrtAndFfmpegReadsOverRtmp() throws Exception {
        publishOverSrtReadOverRtmp(null, 16, "");
    }

    @Test
    void encryptedSrtPublishWithPassphraseAndPbkeylen32() throws Exception {
        publishOverSrtReadOverRtmp("correct-horse-battery", 32, "&passphrase=correct-horse-battery&pbkeylen=32");
    }

    private void publishOverSrtReadOverRtmp(String passphrase, int pbkeylen, String srtOptions) throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, passphrase, pbkeylen, false)) {
            Path flv = dir.resolve("out.flv");
            // The RTMP reader attaches first and waits for the publisher, so it must get every frame.
            try (PeerProcess reader = weir.read("rtmp-reader", weir.rtmpUrl("live/test"), flv, List.of("-rw_timeout", "20000000"))) {
                Thread.sleep(1000);
                try (PeerProcess publisher = weir.publishSrt("srt-publisher",
                        weir.srtUrl("publish:live/test", srtOptions), SECONDS, "x264")) {
                    publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
                    reader.await(Duration.ofSeconds(20));
                }
            }
            assertTrue(Files.size(flv) > 0, "nothing arrived over RTMP");
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(flv));
            int frames = Ffprobe.decodedVideoFrames(flv);
            assertTrue(frames >= FRAMES - 2 && frames <= FRAMES, "decoded " + frames + " frames, expected " + FRAMES);
        }
    }
}
