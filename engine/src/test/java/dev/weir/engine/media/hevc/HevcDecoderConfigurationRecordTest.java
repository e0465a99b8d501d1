package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

/** Values checked against ffprobe on the MP4 files the records were cut from (golden/README.md). */
class HevcDecoderConfigurationRecordTest {

    @Test
    void x265Main640x360() throws Exception {
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(bytes("hevc/main_640x360.hvcC"));
        assertEquals("Main", r.profileTierLevel().profileName());
        assertEquals(63, r.profileTierLevel().levelIdc());
        assertEquals("2.1", r.profileTierLevel().levelName());
        assertEquals(1, r.chromaFormat());
        assertEquals(8, r.bitDepthLuma());
        assertEquals(4, r.nalLengthSize());
        assertEquals(1, r.vps().size());
        assertEquals(1, r.sps().size());
        assertEquals(1, r.pps().size());

        HevcSps sps = r.firstSps();
        assertEquals(r.profileTierLevel(), sps.profileTierLevel());
        assertEquals(640, sps.width());
        assertEquals(360, sps.height(), "coded 368 with a conformance window");
    }

    @Test
    void x265Main10At720p() throws Exception {
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(bytes("hevc/main10_1280x720.hvcC"));
        assertEquals("Main 10", r.profileTierLevel().profileName());
        assertEquals("4.0", r.profileTierLevel().levelName());
        assertEquals(10, r.bitDepthLuma());
        HevcSps sps = r.firstSps();
        assertEquals(1280, sps.width());
        assertEquals(720, sps.height());
        assertEquals(10, sps.bitDepthLuma());
    }

    @Test
    void profileNamesAndTier() {
        // profile_idc 0 with compatibility flag 2 set (bit 29 of the 32): decoders call it Main 10
        assertEquals("Main 10", new HevcProfileTierLevel(0, false, 0, 1L << 29, 93).profileName());
        assertEquals("3.1", new HevcProfileTierLevel(0, false, 1, 0, 93).levelName());
        assertEquals("5.1 High tier", new HevcProfileTierLevel(0, true, 1, 0, 153).levelName());
        assertEquals("Rext", new HevcProfileTierLevel(0, false, 4, 0, 120).profileName());
    }

    @Test
    void malformedRecordsAreRefused() {
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.parse(hex("01 01 60")));
        byte[] header = new byte[23];
        header[0] = 0x02;
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.parse(header), "version");
        byte[] oneArray = new byte[23];
        oneArray[0] = 0x01;
        oneArray[22] = 0x01; // one array, but nothing follows
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.parse(oneArray));
        byte[] noSps = new byte[23];
        noSps[0] = 0x01;
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.parse(noSps).firstSps());
        assertThrows(MalformedMediaException.class, () -> HevcSps.parse(hex("40 01 0c 01")), "a VPS, not an SPS");
    }
}
