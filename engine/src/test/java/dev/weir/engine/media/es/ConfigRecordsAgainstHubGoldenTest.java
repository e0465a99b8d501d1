package dev.weir.engine.media.es;

import dev.weir.engine.media.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More ffmpeg-built records, from the hub's golden set (golden/README.md): Weir's builders, given the parameter
 * sets inside each record, must produce the record ffmpeg produced.
 */
class ConfigRecordsAgainstHubGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"avc/baseline_320x240.avcC", "avc/high_640x360.avcC", "avc/high444_640x360.avcC",
            "avc/main_1920x1080.avcC"})
    void avcCRebuiltFromItsOwnSpsAndPps(String file) throws EsFormatException {
        byte[] record = Golden.bytes(file);
        AvcConfigRecord.ParameterSets sets = AvcConfigRecord.parse(record, 0, record.length);
        assertArrayEquals(record, AvcConfigRecord.build(sets.sps().getFirst(), sets.pps().getFirst()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hevc/main_640x360.hvcC", "hevc/main10_1280x720.hvcC"})
    void hvcCRebuiltFromItsOwnVpsSpsPps(String file) throws EsFormatException {
        byte[] record = Golden.bytes(file);
        List<byte[]> units = HevcConfigRecord.parse(record, 0, record.length).units();
        byte[] rebuilt = HevcConfigRecord.build(units.get(0), units.get(1), units.get(2));
        // ffmpeg also stores x265's prefix SEI as a fourth array; Weir keeps SEI in the frames. Compare the
        // 22-byte header and the VPS/SPS/PPS arrays; only numOfArrays (byte 22) differs.
        assertArrayEquals(Arrays.copyOf(record, 22), Arrays.copyOf(rebuilt, 22));
        assertEquals(4, record[22]);
        assertEquals(3, rebuilt[22]);
        assertArrayEquals(Arrays.copyOfRange(record, 23, rebuilt.length),
                Arrays.copyOfRange(rebuilt, 23, rebuilt.length));
    }

    @Test
    void main10SpsSaysTenBits() throws EsFormatException {
        byte[] record = Golden.bytes("hevc/main10_1280x720.hvcC");
        HevcSps sps = HevcSps.parse(HevcConfigRecord.parse(record, 0, record.length).units().get(1));
        assertEquals(2, sps.profileIdc());
        assertEquals(10, sps.bitDepthLuma());
        assertEquals(1280, sps.width());
        assertEquals(720, sps.height());
    }

    @Test
    void croppedAndHigh444Sizes() throws EsFormatException {
        byte[] main = Golden.bytes("avc/main_1920x1080.avcC");
        AvcSps hd = AvcSps.parse(AvcConfigRecord.parse(main, 0, main.length).sps().getFirst());
        assertEquals(1920, hd.width());
        assertEquals(1080, hd.height(), "1088 coded, cropped by 8");
        byte[] high444 = Golden.bytes("avc/high444_640x360.avcC");
        AvcSps rgb = AvcSps.parse(AvcConfigRecord.parse(high444, 0, high444.length).sps().getFirst());
        assertEquals(3, rgb.chromaFormatIdc());
        assertEquals(360, rgb.height());
    }
}
