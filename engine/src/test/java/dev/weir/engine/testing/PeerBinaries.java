package dev.weir.engine.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real peer programs interop tests run (ffmpeg, ffprobe, rtmpdump, srt-live-transmit). A missing
 * binary fails the test with what to install: interop tests must never pass by skipping.
 */
public final class PeerBinaries {
    private PeerBinaries() {}

    /** The absolute path of {@code name} on the PATH; fails with an install hint when absent. */
    public static Path require(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("interop test needs '" + name + "' on the PATH but it is not installed"
                + " (Debian/Ubuntu: apt-get install " + packageOf(name) + ")");
    }

    private static String packageOf(String name) {
        return switch (name) {
            case "ffmpeg", "ffprobe", "ffplay" -> "ffmpeg";
            case "srt-live-transmit" -> "srt-tools";
            default -> name;
        };
    }
}
