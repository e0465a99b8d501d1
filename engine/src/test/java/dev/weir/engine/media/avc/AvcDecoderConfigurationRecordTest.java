package dev.weir.engine.media.avc;

import dev.weir.engine.media.MalformedMediaException;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

class AvcDecoderConfigurationRecordTest {

    @Test
    void ffmpegRecord() throws Exception {
        // 01 | 64 (High) | 00 | 1e (3.0) | ff (4-byte lengths) | e1 (1 SPS) | 00 1a SPS... | 01 (1 PPS) | 00 06 PPS...
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(bytes("avc/high_640x360.avcC"));
        assertEquals(100, r.profileIdc());
        assertEquals(30, r.levelIdc());
        assertEquals(4, r.nalLengthSize());
        assertEquals(1, r.sequenceParameterSets().size());
        assertEquals(26, r.sequenceParameterSets().getFirst().length);
        assertEquals(1, r.pictureParameterSets().size());
        assertEquals(6, r.pictureParameterSets().getFirst().length);
    }

    @Test
    void parsesInsideAnFlvTagBody() throws Exception {
        byte[] body = bytes("flv/h264_high_640x360.video-sequence-header.bin");
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(body, 5, body.length - 5);
        assertEquals(640, r.firstSps().width());
    }

    @Test
    void malformedRecordsAreRefused() {
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("01 64 00 1e")));
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("02 64 00 1e ff e1")), "version");
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("01 64 00 1e fe e1 00 01 67")), "3-byte lengths");
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("01 64 00 1e ff e1 00 09 67")), "SPS runs past");
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("01 64 00 1e ff e1 00")), "no length");
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(hex("01 64 00 1e ff e0")).firstSps(), "no SPS");
    }
}
