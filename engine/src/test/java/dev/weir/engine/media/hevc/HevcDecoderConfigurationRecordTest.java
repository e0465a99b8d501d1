package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

/** Values checked against ffprobe on the MP4 files the records were cut from (golden/README.md). */
class HevcDecoderConfigurationRecordTest {
    static final byte[] VPS = MediaGolden.hexFile("hevc_320x240_vps.hex");
    static final byte[] SPS = MediaGolden.hexFile("hevc_320x240_sps.hex");
    static final byte[] PPS = MediaGolden.hexFile("hevc_320x240_pps.hex");

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
        assertEquals("Main 10", new HevcProfileTierLevel(0, false, 0, 1L << 29, 0, 93).profileName());
        assertEquals("3.1", new HevcProfileTierLevel(0, false, 1, 0, 0, 93).levelName());
        assertEquals("5.1 High tier", new HevcProfileTierLevel(0, true, 1, 0, 0, 153).levelName());
        assertEquals("Rext", new HevcProfileTierLevel(0, false, 4, 0, 0, 120).profileName());
    }

    @Test
    void buildsTheSameHvcCAsFfmpeg() throws Exception {
        assertArrayEquals(MediaGolden.hexFile("hevc_320x240_hvcC.hex"), HevcDecoderConfigurationRecord.build(VPS, SPS, PPS));
    }

    @Test
    void ffmpegsHvcCReadsBackVpsSpsPps() throws Exception {
        byte[] record = MediaGolden.hexFile("hevc_320x240_hvcC.hex");
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(record, 0, record.length);
        assertEquals(4, r.nalLengthSize());
        List<byte[]> units = r.nalUnits();
        assertEquals(3, units.size());
        assertArrayEquals(VPS, units.get(0));
        assertArrayEquals(SPS, units.get(1));
        assertArrayEquals(PPS, units.get(2));
        assertArrayEquals(VPS, r.vps().getFirst());
        assertArrayEquals(SPS, r.sps().getFirst());
        assertArrayEquals(PPS, r.pps().getFirst());
    }

    /** More ffmpeg-built records: given the parameter sets inside each, the builder must produce ffmpeg's record. */
    @ParameterizedTest
    @ValueSource(strings = {"hevc/main_640x360.hvcC", "hevc/main10_1280x720.hvcC"})
    void rebuiltFromItsOwnVpsSpsPps(String file) throws Exception {
        byte[] record = bytes(file);
        List<byte[]> units = HevcDecoderConfigurationRecord.parse(record, 0, record.length).nalUnits();
        assertEquals(4, units.size(), "VPS, SPS, PPS and x265's prefix SEI");
        assertEquals(HevcNal.PREFIX_SEI, HevcNal.type(units.get(3)));
        byte[] rebuilt = HevcDecoderConfigurationRecord.build(units.get(0), units.get(1), units.get(2));
        // ffmpeg also stores x265's prefix SEI as a fourth array; Weir keeps SEI in the frames. Compare the
        // 22-byte header and the VPS/SPS/PPS arrays; only numOfArrays (byte 22) differs.
        assertArrayEquals(Arrays.copyOf(record, 22), Arrays.copyOf(rebuilt, 22));
        assertEquals(4, record[22]);
        assertEquals(3, rebuilt[22]);
        assertArrayEquals(Arrays.copyOfRange(record, 23, rebuilt.length),
                Arrays.copyOfRange(rebuilt, 23, rebuilt.length));
    }

    @Test
    void wrongNalTypesAreRefusedByTheBuilder() {
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.build(SPS, SPS, PPS));
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.build(VPS, SPS, SPS));
        assertThrows(MalformedMediaException.class, () -> HevcDecoderConfigurationRecord.build(VPS, VPS, PPS));
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
