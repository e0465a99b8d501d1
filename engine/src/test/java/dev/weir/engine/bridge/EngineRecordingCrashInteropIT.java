package dev.weir.engine.bridge;

import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole engine in a child JVM records live publishes (RTMP H.264 → FLV, SRT H.264 → TS, SRT H.265 → fMP4) and is
 * killed with SIGKILL mid-stream: every file still opens in ffprobe and decodes up to its last whole unit.
 */
class EngineRecordingCrashInteropIT {
    @TempDir
    Path dir;

    @Test
    void recordingsOfAKilledEngineStillDecode() throws Exception {
        Path recordings = dir.resolve("recordings");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EngineRecordingChild.class.getName(), recordings.toString())
                .redirectError(dir.resolve("child.log").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String[] ready = out.readLine().split(" ");
            assertEquals("READY", ready[0]);
            int rtmpPort = Integer.parseInt(ready[1]);
            int srtPort = Integer.parseInt(ready[2]);
            try (PeerProcess rtmp = Ffmpeg.publishTestSource(dir, "rtmp-publisher", "rtmp://127.0.0.1:" + rtmpPort + "/live/flv", 30);
                 PeerProcess srt = publishSrt(srtPort, "live/ts", "x264");
                 PeerProcess hevc = publishSrt(srtPort, "live/hevc", "x265")) {
                Thread.sleep(8000); // four GOPs: several flushed units in every file
                assertTrue(rtmp.isAlive() && srt.isAlive() && hevc.isAlive(), "publishers run until the kill");
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertEquals(128 + 9, child.exitValue(), "killed by SIGKILL");
            }
        } finally {
            child.destroyForcibly();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(recordings)) {
            files = s.sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        for (Path f : files) {
            String name = f.getFileName().toString();
            List<String> codecs = Ffprobe.codecs(f).stream().distinct().toList();
            int frames = Ffprobe.decodedVideoFrames(f);
            if (name.startsWith("live_flv_")) {
                assertTrue(name.endsWith(".flv"), name);
                assertEquals(List.of("h264", "aac"), codecs, name);
            } else if (name.startsWith("live_ts_")) {
                assertTrue(name.endsWith(".ts"), name);
                assertEquals(List.of("h264", "aac"), codecs, name);
                assertEquals(0, Files.size(f) % 188, "whole TS packets only");
            } else {
                assertTrue(name.startsWith("live_hevc_") && name.endsWith(".mp4"), name);
                assertEquals(List.of("hevc", "aac"), codecs, name);
            }
            assertTrue(frames >= 50, name + ": " + frames + " frames decoded");
        }
    }

    private PeerProcess publishSrt(int port, String key, String codec) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "30"));
        cmd.addAll(codec.equals("x265")
                ? List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=50:min-keyint=50:log-level=error")
                : List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "50"));
        cmd.addAll(List.of("-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mpegts",
                "srt://127.0.0.1:" + port + "?streamid=publish:" + key + "&pkt_size=1316"));
        return PeerProcess.start(dir, "srt-" + codec, cmd);
    }
}
