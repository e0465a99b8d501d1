package dev.weir.engine.bridge;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.testing.PeerProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An engine with RTMP and SRT listeners on loopback (free ports), and the peer command lines the tests use. */
final class BridgeFixture implements AutoCloseable {
    final WeirEngine engine;
    final int rtmpPort;
    final int srtPort;
    final Path dir;

    BridgeFixture(Path dir, String passphrase, int pbkeylen, boolean recordAll) throws Exception {
        this(dir, passphrase, pbkeylen, recordAll, dir.resolve("recordings"));
    }

    BridgeFixture(Path dir, String passphrase, int pbkeylen, boolean recordAll, Path recordDir) throws Exception {
        this.dir = dir;
        EngineConfig config = EngineConfig.DEFAULTS
                .withSrt(new SrtSettings("127.0.0.1:0", 120, passphrase, pbkeylen))
                .withRecording(new RecordingSettings(recordDir.toString(), recordAll));
        engine = StandardListeners.engine(config);
        rtmpPort = port(engine.startRtmpListener("127.0.0.1:0"));
        srtPort = port(engine.startSrtListener("127.0.0.1:0"));
    }

    private static int port(String listenerId) {
        return Integer.parseInt(listenerId.substring(listenerId.lastIndexOf(':') + 1));
    }

    String srtUrl(String streamId, String extra) {
        return "srt://127.0.0.1:" + srtPort + "?streamid=" + streamId + "&pkt_size=1316" + extra;
    }

    String rtmpUrl(String key) {
        return "rtmp://127.0.0.1:" + rtmpPort + "/" + key;
    }

    /** ffmpeg publishing {@code seconds} of testsrc + sine as MPEG-TS over SRT, video codec {@code x264} or {@code x265}. */
    PeerProcess publishSrt(String label, String url, int seconds, String videoCodec) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "info", "-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Integer.toString(seconds)));
        if (videoCodec.equals("x265")) {
            cmd.addAll(List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=50:min-keyint=50:log-level=error"));
        } else {
            cmd.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "50", "-keyint_min", "50"));
        }
        cmd.addAll(List.of("-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-f", "mpegts", url));
        return PeerProcess.start(dir, label, cmd);
    }

    /** ffmpeg reading {@code url} into {@code out} without re-encoding (container from the extension). */
    PeerProcess read(String label, String url, Path out, List<String> inputOptions) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "info", "-y"));
        cmd.addAll(inputOptions);
        cmd.addAll(List.of("-i", url, "-c", "copy", out.toString()));
        return PeerProcess.start(dir, label, cmd);
    }

    @Override
    public void close() {
        engine.close();
    }
}
