package dev.weir.engine.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs ffmpeg and ffprobe on local files for the media interop tests. A missing binary fails the test (it is
 * part of the test environment, see README).
 */
public final class MediaPeers {
    private MediaPeers() {
    }

    /** Runs a command to completion (at most two minutes); fails the test on a non-zero exit. Returns stdout. */
    public static String run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return fail("cannot start " + command.getFirst() + " (install ffmpeg; tests need it): " + e.getMessage());
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = Thread.ofPlatform().name("peer-stderr-" + command.getFirst()).start(() -> {
                try (InputStream in = p.getErrorStream()) {
                    in.transferTo(err);
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(command.getFirst() + " did not finish within two minutes");
            }
            errReader.join(5_000);
            assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n"
                    + err.toString(StandardCharsets.UTF_8));
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("talking to " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Encodes testsrc + sine for {@code seconds} into {@code out} with the given codec and container options. */
    public static void encode(Path out, double seconds, String videoCodec, String format) {
        encode(out, seconds, videoCodec, List.of("-c:a", "aac", "-ac", "2"), format);
    }

    /** As {@link #encode(Path, double, String, String)} with the audio encoder options given. */
    public static void encode(Path out, double seconds, String videoCodec, List<String> audio, String format) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Double.toString(seconds), "-pix_fmt", "yuv420p", "-c:v", videoCodec, "-g", "50"));
        if (videoCodec.equals("libx265")) {
            cmd.addAll(List.of("-x265-params", "log-level=error"));
        }
        cmd.addAll(audio);
        cmd.addAll(List.of("-f", format, out.toString()));
        run(cmd);
    }

    /** What ffprobe finds after decoding every frame. */
    public record Probe(List<StreamInfo> streams, double duration) {
        public StreamInfo stream(String codecType) {
            return streams.stream().filter(s -> s.codecType().equals(codecType)).findFirst()
                    .orElseGet(() -> fail("no " + codecType + " stream in " + streams));
        }
    }

    public record StreamInfo(String codecType, String codecName, long framesDecoded) {
    }

    private static final Pattern STREAM = Pattern.compile(
            "codec_name=(\\S+)\\s+codec_type=(\\S+)\\s+nb_read_frames=(\\S+)");
    private static final Pattern DURATION = Pattern.compile("duration=([0-9.]+)");

    public static Probe probe(Path file) {
        String out = run(List.of("ffprobe", "-v", "error", "-count_frames",
                "-show_entries", "stream=codec_name,codec_type,nb_read_frames", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1", file.toString()));
        List<StreamInfo> streams = new ArrayList<>();
        Matcher m = STREAM.matcher(out);
        while (m.find()) {
            long frames = m.group(3).matches("\\d+") ? Long.parseLong(m.group(3)) : -1;
            streams.add(new StreamInfo(m.group(2), m.group(1), frames));
        }
        Matcher d = DURATION.matcher(out);
        double duration = d.find() ? Double.parseDouble(d.group(1)) : -1;
        return new Probe(streams, duration);
    }

    /** Decodes the whole file with ffmpeg and returns what it complained about (empty when clean). */
    public static String decodeErrors(Path file) {
        ProcessBuilder pb = new ProcessBuilder("ffmpeg", "-hide_banner", "-v", "error", "-i", file.toString(),
                "-f", "null", "-").redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(2, TimeUnit.MINUTES);
            return p.exitValue() == 0 ? out.strip() : "exit " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return fail("cannot start ffmpeg: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
