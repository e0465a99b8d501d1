package dev.weir.engine.json;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON reaches the engine from the network (remote API, auth callbacks): only {@link JsonException} may escape. */
class JsonParserFuzzTest {

    @FuzzTest
    void parseFailsCleanlyOrRoundTrips(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        JsonValue v;
        try {
            v = JsonParser.parse(text);
        } catch (JsonException expected) {
            return;
        }
        assertEquals(v, JsonParser.parse(v.toJson()));
    }
}
