package dev.weir.engine.bridge;

import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerBinaries;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weir.engine.testing.FreePort;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Playing over SRT with real readers: an RTMP publish (muxed to TS by Weir) and an SRT publish (its TS passed
 * through) read by ffmpeg and srt-live-transmit; publishing on a busy key and playing an unknown key are refused
 * with codes the peers report.
 */
class SrtPlaybackInteropIT {
    private static final int SECONDS = 8;

    @TempDir
    Path dir;

    @Test
    void rtmpPublishPlaysOverSrtInFfmpegAndSrtLiveTransmit() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false);
             PeerProcess publisher = Ffmpeg.publishTestSource(dir, "rtmp-publisher", weir.rtmpUrl("live/test"), SECONDS)) {
            awaitPublished(weir, "live/test");
            Path viaFfmpeg = dir.resolve("ffmpeg.ts");
            Path viaSlt = dir.resolve("slt.ts");
            // A 1 s latency (ffmpeg counts it in µs, srt-live-transmit in ms): on a loaded CI machine 120 ms lets
            // TSBPD drop late packets, and what then fails to decode is the machine, not the stream.
            try (PeerProcess ffmpeg = weir.read("srt-ffmpeg-reader", weir.srtUrl("live/test", "&latency=1000000"), viaFfmpeg, List.of());
                 Reader slt = Reader.srtLiveTransmit(dir, "srt://127.0.0.1:" + weir.srtPort + "?streamid=live/test&latency=1000", viaSlt)) {
                publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
                assertEquals(0, ffmpeg.await(Duration.ofSeconds(20)), ffmpeg::logTail);
                slt.awaitEnd(Duration.ofSeconds(20));
            }
            for (Path ts : List.of(viaFfmpeg, viaSlt)) {
                assertEquals(List.of("h264", "aac"), Ffprobe.codecs(ts).stream().distinct().toList(), ts.toString());
                int frames = Ffprobe.decodedVideoFrames(ts);
                // joined 1-2 s in, at the cached keyframe: at least 5 s of 8 on a loaded machine
                assertTrue(frames >= 5 * 25 && frames <= SECONDS * 25, ts + ": " + frames + " frames");
                assertEquals("K_", Ffprobe.videoPacketFlags(ts, 1).get(0).substring(0, 2), ts + " starts at a keyframe");
            }
        }
    }

    @Test
    void srtPublishPlaysOverSrtAsPassthrough() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false);
             PeerProcess publisher = weir.publishSrt("srt-publisher", weir.srtUrl("publish:live/test", ""), SECONDS, "x264")) {
            awaitPublished(weir, "live/test");
            Path out = dir.resolve("passthrough.ts");
            try (PeerProcess reader = weir.read("srt-reader", weir.srtUrl("#!::r=live/test,m=request", "&latency=1000000"), out, List.of())) {
                publisher.awaitSuccess(Duration.ofSeconds(SECONDS + 20));
                assertEquals(0, reader.await(Duration.ofSeconds(20)), reader::logTail);
            }
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(out).stream().distinct().toList());
            int frames = Ffprobe.decodedVideoFrames(out);
            assertTrue(frames >= 5 * 25 && frames <= SECONDS * 25, frames + " frames");
            assertEquals("K_", Ffprobe.videoPacketFlags(out, 1).get(0).substring(0, 2), "starts at a keyframe");
        }
    }

    @Test
    void publishOnBusyKeyIsRejectedWith1409AndUnknownKeyWith1404() throws Exception {
        try (BridgeFixture weir = new BridgeFixture(dir, null, 16, false);
             PeerProcess first = Ffmpeg.publishTestSource(dir, "rtmp-publisher", weir.rtmpUrl("live/busy"), 30)) {
            awaitPublished(weir, "live/busy");
            InetSocketAddress listener = new InetSocketAddress("127.0.0.1", weir.srtPort);

            // srt-live-transmit as a second publisher on the busy key (the RTMP publisher holds it)
            try (RejectionTap tap = new RejectionTap(listener);
                 PeerProcess second = PeerProcess.start(dir, "slt-busy", List.of("srt-live-transmit", "-a:no",
                         "udp://127.0.0.1:" + FreePort.tcp(), "srt://127.0.0.1:" + tap.port() + "?streamid=publish:live/busy"))) {
                second.await(Duration.ofSeconds(15));
                assertTrue(second.logTail().contains("REJECT"), second.logTail());
                assertEquals(List.of(1409), tap.rejections().stream().distinct().toList());
            }
            // ffmpeg as a second publisher, with the access-control syntax
            try (RejectionTap tap = new RejectionTap(listener);
                 PeerProcess second = weir.publishSrt("ffmpeg-busy", "srt://127.0.0.1:" + tap.port()
                         + "?streamid=#!::r=live/busy,m=publish&pkt_size=1316", 3, "x264")) {
                assertTrue(second.await(Duration.ofSeconds(20)) != 0, "ffmpeg must fail");
                assertTrue(second.logTail().contains("REJECT"), second.logTail());
                assertEquals(List.of(1409), tap.rejections().stream().distinct().toList());
            }
            // the first publisher was not disturbed
            assertTrue(first.isAlive(), first::logTail);

            // play of a key nobody publishes
            try (RejectionTap tap = new RejectionTap(listener);
                 PeerProcess player = PeerProcess.start(dir, "slt-unknown", List.of("srt-live-transmit", "-a:no",
                         "srt://127.0.0.1:" + tap.port() + "?streamid=live/nobody", "udp://127.0.0.1:" + FreePort.tcp()))) {
                player.await(Duration.ofSeconds(15));
                assertTrue(player.logTail().contains("REJECT"), player.logTail());
                assertEquals(List.of(1404), tap.rejections().stream().distinct().toList());
            }
        }
    }

    static void awaitPublished(BridgeFixture weir, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (weir.engine.sampleStats().streams().stream().anyMatch(s -> s.key().equals(key)
                    && s.state() == dev.weir.engine.stats.StreamSnapshot.StreamState.PUBLISHING && s.video() != null)) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(key + " was not published within 20 s");
    }

    static String awaitLog(PeerProcess peer, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String log = "";
        while (System.nanoTime() < deadline) {
            log = peer.logTail();
            if (log.contains(text)) return log;
            Thread.sleep(200);
        }
        return log;
    }

    /** srt-live-transmit writing what it reads to a file through its stdout ({@code file://con}). */
    static final class Reader implements AutoCloseable {
        private final Process process;
        private final Path log;

        private Reader(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Reader srtLiveTransmit(Path dir, String url, Path out) throws Exception {
            Path log = dir.resolve("slt-reader.log");
            Process p = new ProcessBuilder(PeerBinaries.require("srt-live-transmit").toString(), "-a:no", url, "file://con")
                    .redirectOutput(out.toFile()).redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new Reader(p, log);
        }

        void awaitEnd(Duration timeout) throws Exception {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("srt-live-transmit did not end:\n" + Files.readString(log));
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
