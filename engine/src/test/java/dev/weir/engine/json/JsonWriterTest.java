package dev.weir.engine.json;

import dev.weir.engine.json.JsonValue.JsonArray;
import dev.weir.engine.json.JsonValue.JsonBoolean;
import dev.weir.engine.json.JsonValue.JsonNull;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {

    @Test
    void escapesExactly() {
        // Expected text written by hand from RFC 8259 section 7.
        String s = "q\" b\\ nl\n cr\r tab\t bell\u0007 nul\u0000 ls\u2028 é";
        assertEquals("\"q\\\" b\\\\ nl\\n cr\\r tab\\t bell\\u0007 nul\\u0000 ls\\u2028 é\"", new JsonString(s).toJson());
    }

    @Test
    void loneSurrogatesAreEscapedPairsAreNot() {
        assertEquals("\"\\ud800x\"", new JsonString("\uD800x").toJson());
        assertEquals("\"\uD83D\uDE00\"", new JsonString("\uD83D\uDE00").toJson());
    }

    @Test
    void writesCompactObjectsInInsertionOrder() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("b", JsonNumber.of(2));
        m.put("a", new JsonArray(List.of(new JsonBoolean(true), JsonNull.INSTANCE, JsonNumber.of(1.5))));
        assertEquals("{\"b\":2,\"a\":[true,null,1.5]}", new JsonObject(m).toJson());
    }

    @Test
    void randomStringsRoundTrip() {
        Random r = new Random(20261121);
        for (int i = 0; i < 2000; i++) {
            char[] cs = new char[r.nextInt(20)];
            for (int j = 0; j < cs.length; j++) cs[j] = (char) r.nextInt(0x10000);
            String s = new String(cs);
            JsonValue parsed = JsonParser.parse(new JsonString(s).toJson());
            assertEquals(new JsonString(s), parsed, "string #" + i);
        }
    }
}
