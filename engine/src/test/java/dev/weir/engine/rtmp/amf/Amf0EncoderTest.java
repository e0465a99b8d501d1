package dev.weir.engine.rtmp.amf;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.Hex.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Amf0EncoderTest {

    private static String encode(Object value) {
        return of(new Amf0Encoder().write(value).toByteArray());
    }

    @Test
    void scalars() {
        assertEquals(of(bytes("00 3ff8000000000000")), encode(1.5));
        assertEquals(of(bytes("00 4000000000000000")), encode(2), "integers go out as doubles");
        assertEquals(of(bytes("01 01")), encode(true));
        assertEquals(of(bytes("02 0002 6162")), encode("ab"));
        assertEquals(of(bytes("05")), encode(null));
        assertEquals(of(bytes("06")), encode(AmfUndefined.INSTANCE));
        assertEquals(of(bytes("0b 4276f5e66e800000 0000")), encode(new AmfDate(1577836800000.0, (short) 0)));
    }

    @Test
    void objectsAndArrays() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("a", 1.0);
        object.put("b", "c");
        assertEquals(of(bytes("03 0001 61 00 3ff0000000000000 0001 62 02 0001 63 0000 09")), encode(object));
        assertEquals(of(bytes("08 00000001 0001 61 02 0001 62 0000 09")), encode(new AmfEcmaArray(Map.of("a", "b"))));
        assertEquals(of(bytes("0a 00000002 00 3ff0000000000000 01 00")), encode(List.of(1.0, false)));
        assertEquals(of(bytes("10 0005 506f696e74 0001 78 00 4000000000000000 0000 09")),
                encode(new AmfTypedObject("Point", Map.of("x", 2.0))));
    }

    @Test
    void stringsOver65535BytesBecomeLongStrings() {
        String big = "x".repeat(70_000);
        byte[] out = new Amf0Encoder().write(big).toByteArray();
        assertEquals(of(bytes("0c 00011170")), of(java.util.Arrays.copyOf(out, 5)));
        assertEquals(5 + 70_000, out.length);
    }

    @Test
    void unknownJavaTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Amf0Encoder().write(new Object()));
    }
}
