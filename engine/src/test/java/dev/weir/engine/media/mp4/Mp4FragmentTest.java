package dev.weir.engine.media.mp4;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class Mp4FragmentTest {

    @Test
    void oneTrackTwoSamplesByteForByte() {
        byte[] key = MediaGolden.hex("00 00 00 01 65");
        byte[] inter = MediaGolden.hex("00 00 00 01 41");
        byte[] fragment = Mp4Fragment.build(7, Map.of(1, List.of(
                new Mp4Sample(180_000, 3600, 3600, true, key, 0, key.length),
                new Mp4Sample(183_600, 3600, -3600, false, inter, 0, inter.length))));
        assertArrayEquals(MediaGolden.hex("""
                00 00 00 78 6d 6f 6f 66        # moof, 120 bytes
                00 00 00 10 6d 66 68 64 00 00 00 00  00 00 00 07   # mfhd, sequence 7
                00 00 00 60 74 72 61 66        # traf, 96 bytes
                00 00 00 10 74 66 68 64 00 02 00 00  00 00 00 01   # tfhd: default-base-is-moof, track 1
                00 00 00 14 74 66 64 74 01 00 00 00  00 00 00 00 00 02 bf 20  # tfdt v1: 180000
                00 00 00 34 74 72 75 6e 01 00 0f 01  # trun v1: offset, duration, size, flags, cts
                00 00 00 02                    # two samples
                00 00 00 80                    # data offset 128 = moof (120) + mdat header (8)
                00 00 0e 10 00 00 00 05 02 00 00 00 00 00 0e 10   # 3600 ticks, 5 bytes, sync, cts +3600
                00 00 0e 10 00 00 00 05 01 01 00 00 ff ff f1 f0   # 3600 ticks, 5 bytes, non-sync, cts -3600
                00 00 00 12 6d 64 61 74        # mdat, 18 bytes
                00 00 00 01 65 00 00 00 01 41
                """), fragment);
    }
}
