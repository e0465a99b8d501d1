package dev.weir.engine.rtmp.amf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.weir.engine.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden vectors for the AMF3 types Weir decodes (AMF3 specification, section 3). */
class Amf3DecoderTest {

    private static Object decode(String annotated) throws AmfException {
        Amf3Decoder d = new Amf3Decoder(bytes(annotated));
        Object value = d.read();
        assertTrue(!d.hasRemaining(), "decoder left bytes unread");
        return value;
    }

    @Test
    void constants() throws AmfException {
        assertSame(AmfUndefined.INSTANCE, decode("00"));
        assertNull(decode("01"));
        assertEquals(false, decode("02"));
        assertEquals(true, decode("03"));
    }

    @Test
    void integers() throws AmfException {
        assertEquals(5, decode("04 05"));                 // one byte
        assertEquals(128, decode("04 81 00"));            // two bytes: 1<<7 | 0
        assertEquals(268435455, decode("04 bf ff ff ff")); // largest positive 29-bit: four bytes, last has 8 bits
        assertEquals(-1, decode("04 ff ff ff ff"));        // 0x1fffffff sign-extended
    }

    @Test
    void doubleValue() throws AmfException {
        assertEquals(1.5, decode("05 3ff8000000000000"));
    }

    @Test
    void stringsAndStringReferences() throws AmfException {
        assertEquals("abc", decode("06 07 616263")); // header (3 << 1) | 1
        assertEquals(List.of("abc", "abc"), decode("""
                09 05 01        // array, dense count 2, no associative part
                06 07 616263    // "abc" (string table #0)
                06 00           // string reference #0
                """));
    }

    @Test
    void date() throws AmfException {
        assertEquals(new AmfDate(1577836800000.0, (short) 0), decode("08 01 4276f5e66e800000"));
    }

    @Test
    void arrayWithAssociativePart() throws AmfException {
        assertEquals(new AmfEcmaArray(Map.of("0", 2, "a", 1)), decode("""
                09 03           // array, dense count 1
                03 61 04 01     // "a": 1
                01              // end of associative part
                04 02           // dense[0] = 2
                """));
    }

    @Test
    void anonymousDynamicObject() throws AmfException {
        assertEquals(Map.of("app", "live"), decode("""
                0a 0b           // object: inline, inline traits, dynamic, 0 sealed members
                01              // class name "" (anonymous)
                07 617070       // "app"
                06 09 6c697665  // "live"
                01              // end of dynamic members
                """));
    }

    @Test
    void typedObjectsTraitReferencesAndObjectReferences() throws AmfException {
        Object value = decode("""
                09 07 01                     // array, dense count 3 (object table #0)
                0a 13 0b 506f696e74 03 78    // object #1: inline traits, 1 sealed member, class "Point", member "x"
                04 02                        //   x = 2
                0a 01                        // object #2: traits reference #0
                04 03                        //   x = 3
                0a 02                        // object reference #1
                """);
        List<?> list = (List<?>) value;
        assertEquals(new AmfTypedObject("Point", Map.of("x", 2)), list.get(0));
        assertEquals(new AmfTypedObject("Point", Map.of("x", 3)), list.get(1));
        assertSame(list.get(0), list.get(2));
    }

    @Test
    void byteArrayAndXml() throws AmfException {
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) decode("0c 07 010203"));
        assertEquals("<a/>", decode("0b 09 3c612f3e"));
    }

    @Test
    void unsupportedAndMalformedInputIsRefused() {
        assertThrows(AmfException.class, () -> decode("0a 07 01"), "externalizable object");
        assertThrows(AmfException.class, () -> decode("0d 03 00"), "vector");
        assertThrows(AmfException.class, () -> decode("06 09 61"), "string longer than the input");
        assertThrows(AmfException.class, () -> decode("06 02"), "string reference to nothing");
        assertThrows(AmfException.class, () -> decode("0a 05"), "traits reference to nothing");
        assertThrows(AmfException.class, () -> decode("09 ff ff ff 7f"), "dense count beyond the input");
        assertThrows(AmfException.class, () -> decode("04 ff"), "truncated integer");
    }
}
