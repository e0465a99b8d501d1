package dev.weir.engine.testing;

import java.nio.file.Path;
import java.util.List;

/** Starts rtmpdump (librtmp) as a live player writing an FLV file. */
public final class Rtmpdump {
    private Rtmpdump() {}

    /** Plays {@code url} live into {@code output}, for at most {@code seconds}. */
    public static PeerProcess playLive(Path workDir, String label, String url, Path output, int seconds) {
        return PeerProcess.start(workDir, label, List.of("rtmpdump", "--live", "--quiet",
                "--rtmp", url, "--flv", output.toString(), "--stop", Integer.toString(seconds)));
    }
}
