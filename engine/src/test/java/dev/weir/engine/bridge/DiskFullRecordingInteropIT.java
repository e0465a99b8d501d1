package dev.weir.engine.bridge;

import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerBinaries;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording that hits a full disk stops with a clear error while the stream keeps flowing. The "full disk" is
 * the kernel's own: the engine runs in a child JVM under {@code ulimit -f} (RLIMIT_FSIZE, 200 KiB per file), so
 * its writes fail with EFBIG as they would with ENOSPC (HotSpot ignores SIGXFSZ). No root, no mount.
 */
class DiskFullRecordingInteropIT {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheRecordingAndPlayersKeepTheirStream() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -f 200 && exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + EngineRecordingChild.class.getName() + " '" + dir.resolve("recordings") + "' live/full";
        Process child = new ProcessBuilder(PeerBinaries.require("bash").toString(), "-c", command)
                .redirectError(dir.resolve("child.log").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("child-stdout").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (java.io.IOException ignored) {
                // child gone
            }
        });
        try {
            String ready = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(ready, "child did not start");
            int rtmpPort = Integer.parseInt(ready.split(" ")[1]);
            String url = "rtmp://127.0.0.1:" + rtmpPort + "/live/full";
            Path received = dir.resolve("received.flv");
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", url, 12)) {
                String failed = awaitLine(lines, "STATE FAILED", 30);
                assertTrue(failed.contains("recording of live/full to ") && failed.contains("stopped"), failed);
                assertTrue(failed.contains("File too large"), failed);
                // the stream goes on: a player that joins after the failure gets a decodable stream
                try (PeerProcess player = Ffmpeg.recordToFlv(dir, "player", url, received)) {
                    publisher.awaitSuccess(Duration.ofSeconds(40));
                    player.await(Duration.ofSeconds(20));
                }
            }
            assertTrue(Ffprobe.decodedVideoFrames(received) >= 50, "frames after the recording failed");
            assertTrue(child.isAlive(), "the engine survived");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String l = lines.poll(200, TimeUnit.MILLISECONDS);
            if (l == null) continue;
            seen.append(l).append('\n');
            if (l.startsWith(prefix)) return l;
        }
        throw new AssertionError("no '" + prefix + "' within " + seconds + " s; child printed:\n" + seen);
    }
}
