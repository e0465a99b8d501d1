package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.weir.engine.media.Golden.bytes;
import static org.junit.jupiter.api.Assertions.*;

/** SPS values checked against ffprobe on the streams they were cut from (golden/README.md, golden/media/README.md). */
class HevcSpsTest {
    static final byte[] SPS = MediaGolden.hexFile("hevc_320x240_sps.hex");

    @Test
    void x265Main320x240FromAnnexB() throws Exception {
        HevcSps sps = HevcSps.parse(SPS);
        HevcProfileTierLevel ptl = sps.profileTierLevel();
        assertEquals(1, ptl.profileIdc(), "Main");
        assertFalse(ptl.highTier());
        assertEquals(60, ptl.levelIdc(), "level 2");
        assertEquals(0x60000000L, ptl.compatibilityFlags());
        assertEquals(0x900000000000L, ptl.constraintFlags());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(8, sps.bitDepthChroma());
        assertEquals(320, sps.width());
        assertEquals(240, sps.height());
        assertEquals(1, sps.maxSubLayers());
        assertTrue(sps.temporalIdNesting());
    }

    @Test
    void main10SpsSaysTenBits() throws Exception {
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(bytes("hevc/main10_1280x720.hvcC"));
        HevcSps sps = HevcSps.parse(r.nalUnits().get(1));
        assertEquals(2, sps.profileTierLevel().profileIdc());
        assertEquals(10, sps.bitDepthLuma());
        assertEquals(10, sps.bitDepthChroma());
        assertEquals(1280, sps.width());
        assertEquals(720, sps.height());
    }

    @Test
    void truncatedSpsIsRefused() {
        byte[] cut = Arrays.copyOf(SPS, 12);
        assertThrows(MalformedMediaException.class, () -> HevcSps.parse(cut));
    }
}
