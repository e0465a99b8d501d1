package dev.weir.engine.media.nal;

import dev.weir.engine.media.MalformedMediaException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class BitReaderTest {

    @Test
    void expGolombCodesFromTheSpecTable() throws Exception {
        // H.264 table 9-2: 1 -> 0, 010 -> 1, 011 -> 2, 00100 -> 3, 00111 -> 6, 0001000 -> 7
        // concatenated: 1 010 011 00100 00111 0001000 = 1010 0110 0100 0011 1000 1000 (24 bits)
        BitReader r = new BitReader(new byte[] {(byte) 0xA6, 0x43, (byte) 0x88});
        assertEquals(0, r.ue());
        assertEquals(1, r.ue());
        assertEquals(2, r.ue());
        assertEquals(3, r.ue());
        assertEquals(6, r.ue());
        assertEquals(7, r.ue());
        assertEquals(0, r.remaining());
    }

    @Test
    void signedExpGolombAlternatesSign() throws Exception {
        // table 9-3: codeNum 1 -> 1, 2 -> -1, 3 -> 2, 4 -> -2: 010 011 00100 00101 + pad = 0100 1100 1000 0101
        BitReader r = new BitReader(new byte[] {0x4C, (byte) 0x85});
        assertEquals(1, r.se());
        assertEquals(-1, r.se());
        assertEquals(2, r.se());
        assertEquals(-2, r.se());
    }

    @Test
    void fixedFieldsAcrossByteBoundaries() throws Exception {
        BitReader r = new BitReader(new byte[] {(byte) 0b1011_0011, (byte) 0xFF, 0x00, 0x01, (byte) 0x80});
        assertEquals(0b101, r.u(3));
        assertTrue(r.flag());
        assertEquals(0b0011_1111_1111L, r.bits(12));
        assertEquals(0b0000_0000_0000_0001_1000_000, r.u(23), "the next 23 bits");
    }

    @Test
    void readingPastTheEndIsMalformedNotAnIndexError() {
        BitReader r = new BitReader(new byte[] {0x00, 0x00});
        assertThrows(MalformedMediaException.class, r::ue, "16 zero bits never end a code");
        BitReader s = new BitReader(new byte[] {0x01}, 0, 1);
        assertThrows(MalformedMediaException.class, () -> s.bits(9));
        BitReader t = new BitReader(new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(MalformedMediaException.class, t::ue, "more than 31 leading zeros");
    }

    @Test
    void randomValuesRoundTripThroughHandWrittenCodes() throws Exception {
        // Property: for any v, the code "(n zeros) 1 (n low bits of v+1)" reads back as v.
        Random random = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            int v = random.nextInt(1 << random.nextInt(20));
            long code = v + 1L;
            int n = 63 - Long.numberOfLeadingZeros(code);
            int totalBits = 2 * n + 1;
            byte[] bytes = new byte[(totalBits + 7) / 8 + 1];
            for (int i = 0; i < n + 1; i++) {
                int bitIndex = n + i; // the code's n+1 significant bits follow n zeros
                if (((code >> (n - i)) & 1) != 0) bytes[bitIndex / 8] |= (byte) (0x80 >>> (bitIndex % 8));
            }
            assertEquals(v, new BitReader(bytes).ue(), "value " + v);
        }
    }
}
