package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.media.MediaGolden;
import dev.weir.engine.media.convert.FlvBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingFormatTest {
    @TempDir
    Path dir;

    static MediaMessage video(byte[] body) {
        return new MediaMessage(MediaMessage.Kind.VIDEO, 0, body);
    }

    @Test
    void h264GoesToFlvAndModernCodecsToMp4() {
        assertEquals(RecordingFormat.FLV, RecordingFormat.forVideoHeader(
                video(FlvBodies.avcSequenceHeader(MediaGolden.hexFile("avc_320x240_avcC.hex")))));
        assertEquals(RecordingFormat.FMP4, RecordingFormat.forVideoHeader(
                video(FlvBodies.hevcSequenceStart(MediaGolden.hexFile("hevc_320x240_hvcC.hex")))));
        assertEquals(RecordingFormat.FMP4, RecordingFormat.forVideoHeader(video(MediaGolden.hex("90 61 76 30 31 81"))),
                "Enhanced RTMP av01 SequenceStart");
        assertEquals(RecordingFormat.FMP4, RecordingFormat.forVideoHeader(video(MediaGolden.hex("1c 00 00 00 00"))),
                "legacy codec id 12 (HEVC)");
        assertEquals(RecordingFormat.FLV, RecordingFormat.forVideoHeader(null), "audio only");
    }

    @Test
    void opensTheNamedFile() throws IOException {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 21, 5, 9, 26, 0, ZoneOffset.UTC);
        try (MediaRecorder r = RecordingFormat.FMP4.open(dir.resolve("rec"), StreamKey.parse("live/test"), t)) {
            assertInstanceOf(Fmp4Recorder.class, r);
            assertEquals("live_test_20261121_050926.mp4", r.file().getFileName().toString());
        }
        assertTrue(Files.exists(dir.resolve("rec/live_test_20261121_050926.mp4")));
    }
}
