package dev.weir.engine.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts ffmpeg as a publisher of generated media or as a reader, the way operators run it. */
public final class Ffmpeg {
    private Ffmpeg() {}

    /** Frame rate of the generated test video. */
    public static final int FPS = 25;
    /** Keyframe interval of the generated video, in frames (2 s). */
    public static final int GOP = 50;

    /**
     * Publishes {@code seconds} of lavfi testsrc (640x360, 25 fps, H.264, keyframe every 2 s) and a 440 Hz sine
     * (AAC), in real time ({@code -re}), as FLV to {@code url} (rtmp://...).
     */
    public static PeerProcess publishTestSource(Path workDir, String label, String url, int seconds) {
        return publishTestSource(workDir, label, url, seconds, List.of());
    }

    /** As {@link #publishTestSource(Path, String, String, int)}, with extra output options before the URL. */
    public static PeerProcess publishTestSource(Path workDir, String label, String url, int seconds,
                                                List<String> outputOptions) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "warning",
                "-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=" + FPS,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(GOP), "-keyint_min", Integer.toString(GOP),
                "-c:a", "aac", "-b:a", "96k"));
        cmd.addAll(outputOptions);
        cmd.addAll(List.of("-f", "flv", url));
        return PeerProcess.start(workDir, label, cmd);
    }

    /**
     * Runs ffmpeg with {@code args} after the usual quiet options ({@code -hide_banner -nostats -loglevel warning
     * -y}), output to {@code label}.log in {@code workDir}.
     */
    public static PeerProcess run(Path workDir, String label, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "warning", "-y"));
        cmd.addAll(args);
        return PeerProcess.start(workDir, label, cmd);
    }

    /**
     * The input and encoding options of the test source as MPEG-TS (for SRT): testsrc 640x360 at 25 fps with a
     * keyframe every 2 s and a 440 Hz sine, H.264 + AAC, {@code seconds} long, in real time; the output URL or file
     * goes after them. Remove {@code -re} to encode as fast as possible.
     */
    public static List<String> testSourceAsMpegTs(int seconds) {
        return List.of("-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=" + FPS,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(GOP), "-c:a", "aac",
                "-f", "mpegts");
    }

    /** Reads {@code url} and copies what arrives, unchanged, into an FLV file. */
    public static PeerProcess recordToFlv(Path workDir, String label, String url, Path output) {
        return PeerProcess.start(workDir, label, List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "warning",
                "-y", "-i", url, "-c", "copy", "-f", "flv", output.toString()));
    }
}
