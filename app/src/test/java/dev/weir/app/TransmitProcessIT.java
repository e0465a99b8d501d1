package dev.weir.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code weir transmit} as a user runs it: an SRT listener writing to stdout, fed by ffmpeg (libsrt) as caller,
 * encrypted; what comes out on stdout must decode.
 */
class TransmitProcessIT {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void srtListenerToStdoutCarriesWhatFfmpegSends() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path home = Path.of(System.getProperty("weir.app.home", "target"));
        Path received = Files.createTempFile("weir-transmit", ".ts");
        Path stats = Files.createTempFile("weir-transmit", ".stats");
        String pass = "correct-horse-battery";
        Process transmit = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("weir-app.jar") + File.pathSeparator + home.resolve("lib") + "/*",
                "dev.weir.app.Main", "transmit",
                "-from", "srt://127.0.0.1:" + port + "?mode=listener&passphrase=" + pass + "&pbkeylen=32",
                "-to", "-", "-stats", "500", "-statspf", "json")
                .redirectOutput(received.toFile()).redirectError(stats.toFile()).start();
        started.add(transmit);
        Thread.sleep(1500); // the JVM starts and binds; ffmpeg's caller retries for its connect timeout anyway

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-f", "mpegts",
                "srt://127.0.0.1:" + port + "?mode=caller&passphrase=" + pass + "&pbkeylen=32&pkt_size=1316")
                .redirectErrorStream(true).start();
        started.add(ffmpeg);
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS), "ffmpeg did not finish");
        assertEquals(0, ffmpeg.exitValue(), new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Thread.sleep(1000); // the listener delivers what is buffered (latency) after the caller leaves
        transmit.destroy();
        assertTrue(transmit.waitFor(15, TimeUnit.SECONDS), "weir transmit did not stop on SIGTERM");

        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", received.toString())
                .redirectErrorStream(true).start();
        String probed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        // For MPEG-TS ffprobe lists the stream under its program too: the first line is enough.
        String[] fields = probed.lines().findFirst().orElse("").split(",");
        assertEquals("h264", fields[0], probed);
        int frames = Integer.parseInt(fields[1].strip());
        // ffmpeg's SRT output closes without draining its send buffer, so the last few frames may never be
        // sent (srt-live-transmit as receiver loses the same tail); everything sent must arrive.
        assertTrue(frames >= 90 && frames <= 100, "sent 100 frames, decoded " + frames);
        String statsText = Files.readString(stats);
        // srt-live-transmit's JSON layout: one object per interval with send/recv sections.
        assertTrue(statsText.matches("(?s).*\\{\"sid\":\\d+,.*\"recv\":\\{\"packets\":[1-9].*"), "no JSON stats on stderr: " + statsText);
        assertTrue(!statsText.contains(pass), "the passphrase leaked into the output");
        Files.deleteIfExists(received);
        Files.deleteIfExists(stats);
    }
}
