package dev.weir.engine.media.nal;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnnexBTest {

    @Test
    void splitsOnThreeAndFourByteStartCodes() {
        byte[] stream = MediaGolden.hex("""
                00 00 00 01 09 f0          # AUD after a 4-byte start code
                00 00 01 67 42 00 00       # SPS with trailing_zero_8bits
                00 00 01 68 ce 3c 80       # PPS
                00 00 00 01 65 88 00 00 03 01  # IDR slice with an emulation prevention byte
                """);
        List<byte[]> units = AnnexB.split(stream);
        assertEquals(4, units.size());
        assertArrayEquals(MediaGolden.hex("09 f0"), units.get(0));
        assertArrayEquals(MediaGolden.hex("67 42"), units.get(1));
        assertArrayEquals(MediaGolden.hex("68 ce 3c 80"), units.get(2));
        assertArrayEquals(MediaGolden.hex("65 88 00 00 03 01"), units.get(3));
    }

    @Test
    void ffmpegAnnexBSpsIsTheFirstUnitOfItsGoldenBytes() {
        byte[] sps = MediaGolden.hexFile("avc_320x240_sps.hex");
        byte[] framed = new byte[sps.length + 4];
        framed[3] = 1;
        System.arraycopy(sps, 0, framed, 4, sps.length);
        assertArrayEquals(sps, AnnexB.split(framed).getFirst());
    }

    @Test
    void lengthPrefixedRoundTripAndOverrun() throws MalformedMediaException {
        byte[] avcc = MediaGolden.hex("00 00 00 02 09 f0 00 00 00 03 65 88 84");
        List<byte[]> units = AnnexB.splitLengthPrefixed(avcc, 0, avcc.length, 4);
        assertEquals(2, units.size());
        assertArrayEquals(MediaGolden.hex("65 88 84"), units.get(1));
        byte[] overrun = MediaGolden.hex("00 00 00 09 09 f0");
        assertThrows(MalformedMediaException.class, () -> AnnexB.splitLengthPrefixed(overrun, 0, overrun.length, 4));
    }
}
