package dev.weir.engine.media.avc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

class AvcDecoderConfigurationRecordTest {
    static final byte[] SPS = MediaGolden.hexFile("avc_320x240_sps.hex");
    static final byte[] PPS = MediaGolden.hexFile("avc_320x240_pps.hex");

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
    void buildsTheSameAvcCAsFfmpeg() throws Exception {
        assertArrayEquals(MediaGolden.hexFile("avc_320x240_avcC.hex"), AvcDecoderConfigurationRecord.build(SPS, PPS));
    }

    /** More ffmpeg-built records: given the parameter sets inside each, the builder must produce ffmpeg's record. */
    @ParameterizedTest
    @ValueSource(strings = {"avc/baseline_320x240.avcC", "avc/high_640x360.avcC", "avc/high444_640x360.avcC",
            "avc/main_1920x1080.avcC"})
    void rebuiltFromItsOwnSpsAndPps(String file) throws Exception {
        byte[] record = bytes(file);
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(record, 0, record.length);
        assertArrayEquals(record, AvcDecoderConfigurationRecord.build(r.sequenceParameterSets().getFirst(),
                r.pictureParameterSets().getFirst()));
    }

    @Test
    void annotatedRecordReadsBackItsParameterSets() throws Exception {
        byte[] record = MediaGolden.hex("""
                01 42 c0 1e        # version 1, Baseline, constraints, level 3.0
                ff                 # lengthSizeMinusOne 3
                e1 00 04 67 42 c0 1e   # one SPS of 4 bytes
                01 00 02 68 ce     # one PPS of 2 bytes
                """);
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(record, 0, record.length);
        assertEquals(4, r.nalLengthSize());
        assertArrayEquals(MediaGolden.hex("67 42 c0 1e"), r.sequenceParameterSets().getFirst());
        assertArrayEquals(MediaGolden.hex("68 ce"), r.pictureParameterSets().getFirst());
    }

    @Test
    void truncatedRecordIsRefused() {
        byte[] record = MediaGolden.hex("01 42 c0 1e ff e1 00 09 67 42");
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.parse(record, 0, record.length));
    }

    @Test
    void wrongNalTypesAreRefusedByTheBuilder() {
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.build(PPS, PPS));
        assertThrows(MalformedMediaException.class, () -> AvcDecoderConfigurationRecord.build(SPS, SPS));
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
