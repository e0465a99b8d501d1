package dev.weir.engine.rtmp.amf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.weir.engine.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One golden vector per AMF0 type (AMF0 specification, section 2), through the real decoder. */
class Amf0DecoderTest {

    private static Object decode(String annotated) throws AmfException {
        Amf0Decoder d = new Amf0Decoder(bytes(annotated));
        Object value = d.read();
        assertTrue(!d.hasRemaining(), "decoder left bytes unread");
        return value;
    }

    @Test
    void number() throws AmfException {
        assertEquals(1.5, decode("00 3ff8000000000000"));
    }

    @Test
    void booleans() throws AmfException {
        assertEquals(true, decode("01 01"));
        assertEquals(false, decode("01 00"));
    }

    @Test
    void string() throws AmfException {
        assertEquals("ab", decode("02 0002 6162"));
        assertEquals("", decode("02 0000"));
    }

    @Test
    void object() throws AmfException {
        Object value = decode("""
                03                          // object
                0001 61  00 3ff0000000000000 // "a": 1.0
                0001 62  02 0001 63          // "b": "c"
                0000 09                      // empty name + object-end
                """);
        assertEquals(Map.of("a", 1.0, "b", "c"), value);
        assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) value).keySet()), "wire order kept");
    }

    @Test
    void nullAndUndefined() throws AmfException {
        assertNull(decode("05"));
        assertSame(AmfUndefined.INSTANCE, decode("06"));
    }

    @Test
    void reference() throws AmfException {
        Object value = decode("""
                0a 00000002                 // strict array of 2 (complex object #0)
                03 0001 61 01 01 0000 09    // object {a: true} (complex object #1)
                07 0001                     // reference to complex object #1
                """);
        List<?> list = (List<?>) value;
        assertEquals(Map.of("a", true), list.get(0));
        assertSame(list.get(0), list.get(1));
    }

    @Test
    void ecmaArray() throws AmfException {
        Object value = decode("""
                08 00000001                 // ECMA array, count hint 1
                0001 61 02 0001 62          // "a": "b"
                0000 09                     // end
                """);
        assertEquals(new AmfEcmaArray(Map.of("a", "b")), value);
    }

    @Test
    void objectEndOutsideAnObjectIsAnError() {
        assertThrows(AmfException.class, () -> decode("09"));
    }

    @Test
    void strictArray() throws AmfException {
        assertEquals(List.of(1.0, false), decode("0a 00000002 00 3ff0000000000000 01 00"));
    }

    @Test
    void date() throws AmfException {
        // 2020-01-01T00:00:00Z = 1577836800000 ms, time zone 0
        assertEquals(new AmfDate(1577836800000.0, (short) 0), decode("0b 4276f5e66e800000 0000"));
    }

    @Test
    void longString() throws AmfException {
        assertEquals("abc", decode("0c 00000003 616263"));
    }

    @Test
    void xmlDocument() throws AmfException {
        assertEquals("<a/>", decode("0f 00000004 3c612f3e"));
    }

    @Test
    void typedObject() throws AmfException {
        Object value = decode("""
                10 0005 506f696e74              // typed object, class "Point"
                0001 78 00 4000000000000000     // "x": 2.0
                0000 09
                """);
        assertEquals(new AmfTypedObject("Point", Map.of("x", 2.0)), value);
    }

    @Test
    void switchToAmf3() throws AmfException {
        assertEquals("hi", decode("11 06 05 6869")); // avmplus marker, AMF3 string "hi"
    }

    @Test
    void afterASwitchedValueTheNextAmf0ValueFollows() throws AmfException {
        // connect's command object then an AMF3 string then an AMF0 number: one position moves through all three
        byte[] bytes = java.util.HexFormat.of().parseHex("0300016102000162000009" + "11060568" + "69" + "004000000000000000");
        Amf0Decoder decoder = new Amf0Decoder(bytes);
        assertEquals(Map.of("a", "b"), decoder.read());
        assertEquals("hi", decoder.read());
        assertEquals(2.0, decoder.read());
        assertEquals(bytes.length, decoder.position());
        assertFalse(decoder.hasRemaining());
    }

    @Test
    void ecmaArrayWithoutEndMarkerAtEndOfInputIsTolerated() throws AmfException {
        assertEquals(new AmfEcmaArray(Map.of("a", 1.0)), decode("08 00000001 0001 61 00 3ff0000000000000"));
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(AmfException.class, () -> decode("00 3ff0"), "truncated number");
        assertThrows(AmfException.class, () -> decode("02 0005 61"), "string longer than the input");
        assertThrows(AmfException.class, () -> decode("12"), "unknown marker");
        assertThrows(AmfException.class, () -> decode("07 0000"), "reference to nothing");
        assertThrows(AmfException.class, () -> decode("0a 7fffffff 05"), "strict array count beyond the input");
        assertThrows(AmfException.class, () -> decode("0c ffffffff"), "long string length beyond int");
        assertThrows(AmfException.class, () -> decode("03 0000"), "object cut before its end marker's type");
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < Amf0Decoder.MAX_DEPTH + 1; i++) {
            nested.append("03 0001 61 "); // object { "a": object { ...
        }
        assertThrows(AmfException.class, () -> decode(nested.toString()));
    }
}
