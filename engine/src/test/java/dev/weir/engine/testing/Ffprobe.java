package dev.weir.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks ffprobe what a media file holds, decoding it where a count must be trusted. */
public final class Ffprobe {
    private Ffprobe() {}

    /** Video frames that decode (ffprobe {@code -count_frames}: every frame is decoded, not just indexed). */
    public static int decodedVideoFrames(Path file) {
        String out = run(List.of("-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString())).strip();
        try {
            return out.isEmpty() || out.equals("N/A") ? 0 : Integer.parseInt(out.lines().findFirst().orElse("0").strip());
        } catch (NumberFormatException e) {
            throw new AssertionError("ffprobe printed '" + out + "' for the frame count of " + file);
        }
    }

    /** Codec names of the file's streams in order, e.g. {@code [h264, aac]}. */
    public static List<String> codecs(Path file) {
        return run(List.of("-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file.toString()))
                .lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The container's duration in seconds ({@code format=duration}), 0 when ffprobe cannot tell. */
    public static double durationSeconds(Path file) {
        String out = run(List.of("-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())).strip();
        try {
            return out.isEmpty() || out.equals("N/A") ? 0 : Double.parseDouble(out.lines().findFirst().orElse("0").strip());
        } catch (NumberFormatException e) {
            throw new AssertionError("ffprobe printed '" + out + "' for the duration of " + file);
        }
    }

    /** Packet flags of the first video packets ({@code K_} marks a keyframe). */
    public static List<String> videoPacketFlags(Path file, int count) {
        String out = run(List.of("-v", "error", "-select_streams", "v:0", "-show_entries", "packet=flags",
                "-read_intervals", "%+#" + count, "-of", "csv=p=0", file.toString()));
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(PeerBinaries.require("ffprobe").toString());
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ffprobe did not finish: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("ffprobe failed (" + p.exitValue() + ") on " + cmd + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
