package dev.weir.engine.media.es;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvcConfigRecordTest {
    static final byte[] SPS = MediaGolden.hexFile("avc_320x240_sps.hex");
    static final byte[] PPS = MediaGolden.hexFile("avc_320x240_pps.hex");

    @Test
    void spsOfX264HighProfile320x240() throws EsFormatException {
        AvcSps sps = AvcSps.parse(SPS);
        assertEquals(100, sps.profileIdc());
        assertEquals(13, sps.levelIdc());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(320, sps.width());
        assertEquals(240, sps.height());
    }

    @Test
    void buildsTheSameAvcCAsFfmpeg() throws EsFormatException {
        assertArrayEquals(MediaGolden.hexFile("avc_320x240_avcC.hex"), AvcConfigRecord.build(SPS, PPS));
    }

    @Test
    void annotatedRecordReadsBackItsParameterSets() throws EsFormatException {
        byte[] record = MediaGolden.hex("""
                01 42 c0 1e        # version 1, Baseline, constraints, level 3.0
                ff                 # lengthSizeMinusOne 3
                e1 00 04 67 42 c0 1e   # one SPS of 4 bytes
                01 00 02 68 ce     # one PPS of 2 bytes
                """);
        AvcConfigRecord.ParameterSets sets = AvcConfigRecord.parse(record, 0, record.length);
        assertEquals(4, sets.lengthSize());
        assertArrayEquals(MediaGolden.hex("67 42 c0 1e"), sets.sps().getFirst());
        assertArrayEquals(MediaGolden.hex("68 ce"), sets.pps().getFirst());
    }

    @Test
    void truncatedRecordIsRefused() {
        byte[] record = MediaGolden.hex("01 42 c0 1e ff e1 00 09 67 42");
        assertThrows(EsFormatException.class, () -> AvcConfigRecord.parse(record, 0, record.length));
    }

    @Test
    void wrongNalTypesAreRefused() {
        assertThrows(EsFormatException.class, () -> AvcConfigRecord.build(PPS, PPS));
        assertThrows(EsFormatException.class, () -> AvcConfigRecord.build(SPS, SPS));
    }
}
