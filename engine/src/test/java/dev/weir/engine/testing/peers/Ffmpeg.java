package dev.weir.engine.testing.peers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running ffmpeg (or a one-shot ffprobe) for interop tests, output captured to a temporary log. A missing binary
 * fails the test.
 */
public final class Ffmpeg implements AutoCloseable {

    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    /**
     * The client's standard test input: 640x360 test pattern at 25 fps and a 440 Hz tone, H.264 (GOP 50) + AAC,
     * for {@code seconds}, in real time.
     */
    public static List<String> testSource(int seconds) {
        return List.of("-re", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100", "-t", Integer.toString(seconds), "-c:v", "libx264",
                "-preset", "ultrafast", "-tune", "zerolatency", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-f", "mpegts");
    }

    private final Process process;
    private final Path log;

    private Ffmpeg(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Ffmpeg start(List<String> args) throws IOException {
        assertTrue(Files.isExecutable(FFMPEG), "ffmpeg must be installed");
        Path log = Files.createTempFile("ffmpeg", ".log");
        List<String> command = new ArrayList<>();
        command.add(FFMPEG.toString());
        command.addAll(List.of("-hide_banner", "-nostdin", "-y"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Ffmpeg(p, log);
    }

    /** Waits for ffmpeg to exit; returns its exit code (or -1 on timeout). */
    public int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Number of video frames ffprobe decodes from a file. */
    public static int decodedVideoFrames(Path file) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(FFPROBE), "ffprobe must be installed");
        Process p = new ProcessBuilder(FFPROBE.toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        try {
            return Integer.parseInt(out.lines().findFirst().orElse("").trim());
        } catch (NumberFormatException e) {
            throw new AssertionError("ffprobe said: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
