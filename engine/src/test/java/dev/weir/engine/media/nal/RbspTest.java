package dev.weir.engine.media.nal;

import dev.weir.engine.media.MalformedMediaException;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

class RbspTest {

    @Test
    void removesEmulationPreventionBytes() {
        // 00 00 03 01 -> 00 00 01; 00 00 03 03 -> 00 00 03 (only the first 03 is inserted)
        assertArrayEquals(hex("67 00 00 01 00 00 03"), Rbsp.fromNal(hex("67 00 00 03 01 00 00 03 03")));
        // a 03 not preceded by two zeros stays
        assertArrayEquals(hex("00 03 00 03"), Rbsp.fromNal(hex("00 03 00 03")));
        // a trailing 00 00 03 (allowed at the end of a NAL unit) loses its 03
        assertArrayEquals(hex("11 00 00"), Rbsp.fromNal(hex("11 00 00 03")));
        // zeros are counted again after a removed byte: 00 00 03 00 00 03 00
        assertArrayEquals(hex("00 00 00 00 00"), Rbsp.fromNal(hex("00 00 03 00 00 03 00")));
    }

    @Test
    void bitReaderOverAnRbspReadsPastTheRemovedByteAndNoFurther() throws MalformedMediaException {
        BitReader r = new BitReader(Rbsp.fromNal(hex("00 00 03 01 ff")));
        assertEquals(0, r.bits(16));
        assertEquals(1, r.bits(8), "the 03 is gone");
        assertEquals(0xFF, r.bits(8));
        assertThrows(MalformedMediaException.class, () -> r.bits(1));
    }

    @Test
    void x264SpsWithAnEmulationPreventionByte() {
        // From golden/avc/high_640x360.avcC: "... 11 00 00 03 00 01 00 00 03 00 32 ..." in the VUI timing info
        byte[] nal = hex("6764001eacd940a02ff97011000003000100000300320f162d96");
        byte[] rbsp = Rbsp.fromNal(nal, 1, nal.length - 1);
        assertEquals(nal.length - 1 - 2, rbsp.length);
    }
}
