package dev.weir.engine.media.es;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HevcConfigRecordTest {
    static final byte[] VPS = MediaGolden.hexFile("hevc_320x240_vps.hex");
    static final byte[] SPS = MediaGolden.hexFile("hevc_320x240_sps.hex");
    static final byte[] PPS = MediaGolden.hexFile("hevc_320x240_pps.hex");

    @Test
    void spsOfX265Main320x240() throws EsFormatException {
        HevcSps sps = HevcSps.parse(SPS);
        assertEquals(1, sps.profileIdc(), "Main");
        assertFalse(sps.tierFlag());
        assertEquals(60, sps.levelIdc(), "level 2");
        assertEquals(0x60000000L, sps.compatibilityFlags());
        assertEquals(0x900000000000L, sps.constraintFlags());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(320, sps.width());
        assertEquals(240, sps.height());
        assertEquals(1, sps.maxSubLayers());
    }

    @Test
    void buildsTheSameHvcCAsFfmpeg() throws EsFormatException {
        assertArrayEquals(MediaGolden.hexFile("hevc_320x240_hvcC.hex"), HevcConfigRecord.build(VPS, SPS, PPS));
    }

    @Test
    void ffmpegsHvcCReadsBackVpsSpsPps() throws EsFormatException {
        byte[] record = MediaGolden.hexFile("hevc_320x240_hvcC.hex");
        HevcConfigRecord.ParameterSets sets = HevcConfigRecord.parse(record, 0, record.length);
        assertEquals(4, sets.lengthSize());
        List<byte[]> units = sets.units();
        assertEquals(3, units.size());
        assertArrayEquals(VPS, units.get(0));
        assertArrayEquals(SPS, units.get(1));
        assertArrayEquals(PPS, units.get(2));
    }

    @Test
    void truncatedSpsIsRefused() {
        byte[] cut = java.util.Arrays.copyOf(SPS, 12);
        assertThrows(EsFormatException.class, () -> HevcSps.parse(cut));
    }
}
