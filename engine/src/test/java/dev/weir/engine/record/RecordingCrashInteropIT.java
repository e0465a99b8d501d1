package dev.weir.engine.record;

import dev.weir.engine.media.MediaPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording whose JVM is killed with SIGKILL mid-way still opens and decodes in ffprobe, for each writer.
 * The child ({@link RecordingCrashChild}) records 60% of a 6 s stream and is killed without closing the file.
 */
class RecordingCrashInteropIT {
    @TempDir
    Path dir;

    @Test
    void killedFlvRecordingDecodes() throws Exception {
        Path file = recordAndKill("flv", "libx264");
        MediaPeers.Probe probe = MediaPeers.probe(file);
        assertEquals("h264", probe.stream("video").codecName());
        long frames = probe.stream("video").framesDecoded();
        assertTrue(frames >= 60 && frames <= 100, "about 3 of 6 s recorded, got " + frames + " frames");
        assertEquals("", MediaPeers.decodeErrors(file));
    }

    @Test
    void killedFmp4RecordingDecodes() throws Exception {
        Path file = recordAndKill("mp4", "libx265");
        MediaPeers.Probe probe = MediaPeers.probe(file);
        assertEquals("hevc", probe.stream("video").codecName());
        long frames = probe.stream("video").framesDecoded();
        assertTrue(frames >= 25 && frames <= 100,
                "whole fragments (GOPs of up to 2 s) before the kill, got " + frames + " frames");
        assertEquals("", MediaPeers.decodeErrors(file));
    }

    @Test
    void killedTsRecordingDecodes() throws Exception {
        Path file = recordAndKill("ts", "libx264");
        assertEquals(0, Files.size(file) % 188, "whole packets only");
        MediaPeers.Probe probe = MediaPeers.probe(file);
        assertEquals("h264", probe.stream("video").codecName());
        assertTrue(probe.stream("video").framesDecoded() >= 60);
    }

    private Path recordAndKill(String format, String codec) throws IOException, InterruptedException {
        Path input = dir.resolve("input.ts");
        MediaPeers.encode(input, 6, codec, "mpegts");
        Path output = dir.resolve("live_crash_20260101_000000." + format);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecordingCrashChild.class.getName(), format, input.toString(), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("READY", line, "the child recorder should report it has written");
            assertTrue(child.isAlive());
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + 9, child.exitValue(), "killed by SIGKILL");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(Files.size(output) > 0);
        return output;
    }

}
