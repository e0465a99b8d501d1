package dev.weir.engine.media.flv;

import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.*;

class StreamMetadataTest {

    @Test
    void ffmpegMetadata() throws Exception {
        StreamMetadata m = StreamMetadata.from(FlvScriptTag.parse(bytes("flv/h264_high_640x360.onMetaData.bin")));
        assertEquals(640, m.width());
        assertEquals(360, m.height());
        assertEquals(25, m.frameRate());
        assertEquals(0, m.videoDataRateKbps(), "ffmpeg writes 0 when it does not know the rate");
        assertEquals("H264", m.videoCodec());
        assertEquals("AAC", m.audioCodec());
        assertEquals(44100, m.audioSampleRate());
        assertEquals(1, m.audioChannels());
        assertEquals("Lavf59.27.100", m.encoder());
    }

    @Test
    void enhancedRtmpFourCcCodecIdsAndObsStyleFields() throws Exception {
        // onMetaData {videocodecid: 1752589105.0 ('hvc1' as a number), videodatarate: 6000.0,
        //             videoframerate: 60.0, audiocodecid: "Opus", audiochannels: 2.0}
        byte[] body = of(0x02, 0x00, 0x0A, "onMetaData", 0x08, 0x00, 0x00, 0x00, 0x05,
                0x00, 0x0C, "videocodecid", 0x00, 0x41, 0xDA, 0x1D, 0x98, 0xCC, 0x40, 0x00, 0x00,
                0x00, 0x0D, "videodatarate", 0x00, 0x40, 0xB7, 0x70, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x0E, "videoframerate", 0x00, 0x40, 0x4E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x0C, "audiocodecid", 0x02, 0x00, 0x04, "Opus",
                0x00, 0x0D, "audiochannels", 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x09);
        StreamMetadata m = StreamMetadata.from(FlvScriptTag.parse(body));
        assertEquals("H265", m.videoCodec());
        assertEquals(6000, m.videoDataRateKbps());
        assertEquals(60, m.frameRate());
        assertEquals("Opus", m.audioCodec());
        assertEquals(2, m.audioChannels());
        assertEquals(0, m.width());
    }

    @Test
    void nonsenseValuesBecomeUnknown() throws Exception {
        // {width: -1.0, height: NaN, framerate: +Infinity, videocodecid: 99.0}
        byte[] body = of(0x02, 0x00, 0x0A, "onMetaData", 0x03,
                0x00, 0x05, "width", 0x00, 0xBF, 0xF0, 0, 0, 0, 0, 0, 0,
                0x00, 0x06, "height", 0x00, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0,
                0x00, 0x09, "framerate", 0x00, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0,
                0x00, 0x0C, "videocodecid", 0x00, 0x40, 0x58, 0xC0, 0, 0, 0, 0, 0,
                0x00, 0x00, 0x09);
        StreamMetadata m = StreamMetadata.from(FlvScriptTag.parse(body));
        assertEquals(StreamMetadata.NONE, m);
    }
}
