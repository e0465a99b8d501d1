package dev.weir.engine.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.stats.EngineSnapshot;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON reaches the engine from the network (a remote weir's {@code /api/v1/snapshot}, auth callbacks) and from
 * operators' files. The parser and the snapshot reader may only fail with {@link JsonException}; what parses
 * must survive writing and parsing again, and a snapshot that reads must read the same after writing.
 */
class JsonFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void parseAndReadFailCleanlyOrRoundTrip(byte[] input) {
        JsonValue v;
        try {
            v = JsonParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (JsonException expected) {
            return;
        }
        assertEquals(v, JsonParser.parse(v.toJson()));
        if (!(v instanceof JsonValue.JsonObject o)) return;
        EngineSnapshot s;
        try {
            s = SnapshotJson.read(o);
        } catch (JsonException expected) {
            return;
        }
        assertEquals(s, SnapshotJson.read(JsonParser.parseObject(SnapshotJson.write(s).toJson())));
    }
}
