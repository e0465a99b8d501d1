package dev.weir.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RTMP peer: ffmpeg publishing generated H.264 + AAC (lavfi testsrc + sine) in real time, or playing a
 * stream into the null muxer. Tests that use it fail, not skip, when ffmpeg is missing.
 */
public final class FfmpegPeer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private FfmpegPeer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts publishing {@code seconds} of media to {@code url}; ffmpeg's output goes to {@code log}. */
    public static FfmpegPeer start(String url, int seconds, Path log) throws IOException {
        String ffmpeg = binary("ffmpeg");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "info",
                "-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "50", "-pix_fmt", "yuv420p",
                "-b:v", "800k",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-f", "flv", url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FfmpegPeer(p, log);
    }

    /** Starts publishing {@code seconds} of H.264/AAC as MPEG-TS to an {@code srt://} URL (caller mode). */
    public static FfmpegPeer startSrt(String url, int seconds, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = List.of(binary("ffmpeg"), "-hide_banner", "-nostdin", "-loglevel", "info",
                "-re",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000",
                "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p",
                "-b:v", "1500k",
                "-c:a", "aac", "-b:a", "96k", "-ac", "2",
                "-f", "mpegts", url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FfmpegPeer(p, log);
    }

    /**
     * Starts a real RTMP player: ffmpeg reading {@code url} and discarding the media (stream copy to the null
     * muxer), so the server's outgoing side has a consumer. Same life cycle as a publisher.
     */
    public static FfmpegPeer play(String url, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = List.of(binary("ffmpeg"), "-hide_banner", "-nostdin", "-loglevel", "info",
                "-i", url, "-c", "copy", "-f", "null", "-");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FfmpegPeer(p, log);
    }

    /** Absolute path of a peer binary on PATH; throws (so the test fails) when it is not installed. */
    public static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        throw new IllegalStateException(name + " is not installed (not found on PATH); this test needs it as a real peer");
    }

    /** Waits for ffmpeg to finish; returns its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ffmpeg still running after " + seconds + " s; see " + log);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
