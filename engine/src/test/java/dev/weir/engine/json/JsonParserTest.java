package dev.weir.engine.json;

import dev.weir.engine.json.JsonValue.JsonArray;
import dev.weir.engine.json.JsonValue.JsonBoolean;
import dev.weir.engine.json.JsonValue.JsonNull;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParserTest {

    @Test
    void parsesTheRfc8259ObjectExample() {
        // RFC 8259 section 13, first example (shortened).
        String text = """
                {
                  "Image": {
                    "Width":  800,
                    "Height": 600,
                    "Title":  "View from 15th Floor",
                    "Animated" : false,
                    "IDs": [116, 943, 234, 38793]
                  }
                }""";
        JsonObject image = JsonParser.parseObject(text).object("Image");
        assertEquals(800, image.intValue("Width"));
        assertEquals("View from 15th Floor", image.string("Title"));
        assertEquals(new JsonBoolean(false), image.get("Animated"));
        assertEquals(List.of(JsonNumber.of(116), JsonNumber.of(943), JsonNumber.of(234), JsonNumber.of(38793)),
                image.array("IDs"));
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        JsonValue v = JsonParser.parse("\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\"");
        assertEquals(new JsonString("a\"b\\c/d\né\uD83D\uDE00"), v);
    }

    @Test
    void keepsLongsExact() {
        JsonObject o = JsonParser.parseObject("{\"n\":9007199254740993,\"neg\":-1.5e3}");
        assertEquals(9007199254740993L, o.longValue("n"));
        assertEquals(-1500.0, o.doubleValue("neg"));
    }

    @Test
    void literalsAndEmptyContainers() {
        assertEquals(JsonNull.INSTANCE, JsonParser.parse(" null "));
        assertEquals(new JsonArray(List.of()), JsonParser.parse("[]"));
        assertEquals(new JsonObject(Map.of()), JsonParser.parse("{ }"));
        assertEquals(new JsonNumber(new BigDecimal("0")), JsonParser.parse("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5", "-", "+1", "1e", "tru", "nul",
            "\"abc", "\"\\x\"", "\"\\u12\"", "\"tab\there\"", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]",
            "1 2", "{\"a\":1,\"a\":2}", "// comment\n1", "NaN", "1e9999999999"
    })
    void rejectsMalformedInputWithAPosition(String text) {
        JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(text));
        assertTrue(e.getMessage().startsWith("JSON error at line "), e.getMessage());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper"), e.getMessage());
        String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertTrue(JsonParser.parse(ok) instanceof JsonArray);
    }

    @Test
    void errorNamesLineAndColumn() {
        JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse("{\n  \"a\": tru\n}"));
        assertEquals("JSON error at line 2, column 8: unexpected token, expected 'true'", e.getMessage());
    }

    @Test
    void typeMismatchIsNamed() {
        JsonObject o = JsonParser.parseObject("{\"a\":1}");
        JsonException e = assertThrows(JsonException.class, () -> o.string("a"));
        assertEquals("field 'a' must be a string, found number", e.getMessage());
        assertEquals("field 'b' is missing", assertThrows(JsonException.class, () -> o.longValue("b")).getMessage());
    }
}
