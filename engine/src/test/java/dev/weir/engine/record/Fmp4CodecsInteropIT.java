package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MediaPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AV1 and VP9 as Enhanced RTMP would bring them (FourCC {@code av01} / {@code vp09}) into {@link Fmp4Recorder},
 * checked by ffprobe. The frames come from an IVF file ffmpeg wrote, the codec configuration records from the
 * {@code av1C}/{@code vpcC} box ffmpeg wrote for the same stream, and the key flags from ffprobe.
 */
class Fmp4CodecsInteropIT {
    @TempDir
    Path dir;

    @Test
    void vp9() throws IOException {
        recordAndProbe("libvpx-vp9", List.of("-deadline", "realtime", "-cpu-used", "8"), "vp09", "vpcC", 4, "vp9");
    }

    @Test
    void av1() throws IOException {
        recordAndProbe("libaom-av1", List.of("-cpu-used", "8", "-usage", "realtime"), "av01", "av1C", 0, "av1");
    }

    private void recordAndProbe(String encoder, List<String> options, String fourCc, String configBox,
                                int fullBoxHeader, String probeName) throws IOException {
        Path ivf = dir.resolve("in.ivf");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "2", "-pix_fmt", "yuv420p",
                "-c:v", encoder, "-g", "25"));
        cmd.addAll(options);
        cmd.addAll(List.of("-f", "ivf", ivf.toString()));
        MediaPeers.run(cmd);
        Path reference = dir.resolve("reference.mp4");
        MediaPeers.run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", ivf.toString(),
                "-c", "copy", "-f", "mp4", reference.toString()));
        byte[] config = boxBody(Files.readAllBytes(reference), configBox, fullBoxHeader);
        List<Boolean> keys = Arrays.stream(MediaPeers.run(List.of("ffprobe", "-v", "error", "-show_entries",
                        "packet=flags", "-of", "csv=p=0", ivf.toString())).split("\n"))
                .filter(s -> !s.isBlank()).map(s -> s.startsWith("K")).toList();

        List<byte[]> frames = ivfFrames(Files.readAllBytes(ivf));
        assertEquals(keys.size(), frames.size());
        Path mp4 = dir.resolve("live_" + probeName + "_20260101_000000.mp4");
        try (Fmp4Recorder recorder = Fmp4Recorder.create(mp4)) {
            byte[] fcc = fourCc.getBytes(StandardCharsets.ISO_8859_1);
            recorder.write(new MediaMessage(MediaMessage.Kind.VIDEO, 0, concat(new byte[]{(byte) 0x90}, fcc, config)));
            for (int i = 0; i < frames.size(); i++) {
                int header = 0x80 | ((keys.get(i) ? 1 : 2) << 4) | 1; // CodedFrames: no composition time for these
                recorder.write(new MediaMessage(MediaMessage.Kind.VIDEO, i * 40L,
                        concat(new byte[]{(byte) header}, fcc, frames.get(i))));
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(mp4);
        assertEquals(probeName, probe.stream("video").codecName());
        assertEquals(50, probe.stream("video").framesDecoded());
        assertEquals(2.0, probe.duration(), 1.0);
        assertEquals("", MediaPeers.decodeErrors(mp4));
    }

    /** The body of the first box of this type (after the version/flags of a FullBox). */
    static byte[] boxBody(byte[] mp4, String type, int fullBoxHeader) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 4; i + 4 <= mp4.length; i++) {
            if (mp4[i] == t[0] && mp4[i + 1] == t[1] && mp4[i + 2] == t[2] && mp4[i + 3] == t[3]) {
                int size = ByteBuffer.wrap(mp4, i - 4, 4).getInt();
                return Arrays.copyOfRange(mp4, i + 4 + fullBoxHeader, i - 4 + size);
            }
        }
        throw new AssertionError("ffmpeg wrote no " + type + " box");
    }

    static List<byte[]> ivfFrames(byte[] ivf) {
        ByteBuffer b = ByteBuffer.wrap(ivf).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("DKIF", new String(ivf, 0, 4, StandardCharsets.US_ASCII));
        int p = b.getShort(6) & 0xFFFF;
        List<byte[]> frames = new ArrayList<>();
        while (p + 12 <= ivf.length) {
            int size = b.getInt(p);
            frames.add(Arrays.copyOfRange(ivf, p + 12, p + 12 + size));
            p += 12 + size;
        }
        assertTrue(frames.size() > 0);
        return frames;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, p, part.length);
            p += part.length;
        }
        return out;
    }
}
