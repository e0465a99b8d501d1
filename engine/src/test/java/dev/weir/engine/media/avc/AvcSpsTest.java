package dev.weir.engine.media.avc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

/** SPS values checked against what ffprobe reported for the same files (golden/README.md, golden/media/README.md). */
class AvcSpsTest {

    private static AvcSps golden(String file) throws MalformedMediaException {
        return AvcDecoderConfigurationRecord.parse(bytes("avc/" + file)).firstSps();
    }

    @Test
    void x264High640x360IsCroppedFrom368() throws Exception {
        AvcSps sps = golden("high_640x360.avcC");
        assertEquals("High", sps.profileName());
        assertEquals("3.0", sps.levelName());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(640, sps.width());
        assertEquals(360, sps.height());
        assertEquals(25.0, sps.frameRate());
    }

    @Test
    void x264HighProfile320x240FromAnnexB() throws Exception {
        AvcSps sps = AvcSps.parse(MediaGolden.hexFile("avc_320x240_sps.hex"));
        assertEquals(100, sps.profileIdc());
        assertEquals(13, sps.levelIdc());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(8, sps.bitDepthChroma());
        assertEquals(320, sps.width());
        assertEquals(240, sps.height());
    }

    @Test
    void x264High444() throws Exception {
        AvcSps sps = golden("high444_640x360.avcC");
        assertEquals("High 4:4:4 Predictive", sps.profileName());
        assertEquals(3, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
        assertEquals(8, sps.bitDepthChroma());
        assertEquals(640, sps.width());
        assertEquals(360, sps.height(), "4:4:4 crops in single luma rows");
        assertEquals(25.0, sps.frameRate());
    }

    @Test
    void x264ConstrainedBaseline() throws Exception {
        AvcSps sps = golden("baseline_320x240.avcC");
        assertEquals("Constrained Baseline", sps.profileName());
        assertEquals("1.3", sps.levelName());
        assertEquals(320, sps.width());
        assertEquals(240, sps.height());
        assertEquals(30.0, sps.frameRate());
    }

    @Test
    void x264Main1080pAtNtscRate() throws Exception {
        AvcSps sps = golden("main_1920x1080.avcC");
        assertEquals("Main", sps.profileName());
        assertEquals("4.0", sps.levelName());
        assertEquals(1920, sps.width());
        assertEquals(1080, sps.height(), "1088 coded, cropped by 8");
        assertEquals(30000.0 / 1001, sps.frameRate(), 1e-9);
    }

    @Test
    void x264InterlacedCountsFieldPairs() throws Exception {
        AvcSps sps = golden("high_interlaced_720x576.avcC");
        assertEquals(720, sps.width());
        assertEquals(576, sps.height(), "frame_mbs_only_flag 0: map units are field pairs");
        assertEquals(25.0, sps.frameRate());
    }

    @Test
    void spsWithoutVuiHasNoFrameRate() throws Exception {
        // Hand-built Baseline SPS (profile 66, constraint 0xC0, level 30), 176x144, no cropping, no VUI:
        // 67 | 42 c0 1e | sps_id ue 0: 1 | log2_max_frame_num-4 ue 0: 1 | poc type ue 2: 011
        // | max_num_ref_frames ue 1: 010 | gaps 0 | width_mbs-1 ue 10: 0001011 | height_map-1 ue 8: 0001001
        // | frame_mbs_only 1 | direct_8x8 1 | cropping 0 | vui 0 | stop bit 1
        // bits: 1 1 011 010 0 0001011 0001001 1 1 0 0 1 -> 11011010 00001011 00010011 10010000
        AvcSps sps = AvcSps.parse(hex("67 42 c0 1e da 0b 13 90"));
        assertEquals("Constrained Baseline", sps.profileName());
        assertEquals(176, sps.width());
        assertEquals(144, sps.height());
        assertEquals(0.0, sps.frameRate());
    }

    @Test
    void levelOneB() {
        assertEquals("1b", new AvcSps(66, 0x10, 11, 1, 8, 8, 176, 144, 0).levelName());
        assertEquals("1.1", new AvcSps(100, 0x10, 11, 1, 8, 8, 176, 144, 0).levelName());
        assertEquals("1b", new AvcSps(100, 0, 9, 1, 8, 8, 176, 144, 0).levelName());
    }

    @Test
    void malformedSpsIsRefused() {
        assertThrows(MalformedMediaException.class, () -> AvcSps.parse(hex("68 42 c0 1e da")), "a PPS, not an SPS");
        assertThrows(MalformedMediaException.class, () -> AvcSps.parse(hex("67 42")));
        assertThrows(MalformedMediaException.class, () -> AvcSps.parse(hex("67 42 c0 1e da 0b")), "truncated");
        assertThrows(MalformedMediaException.class, () -> AvcSps.parse(hex("67 64 00 1e 00 00 00 00")), "endless ue");
    }
}
