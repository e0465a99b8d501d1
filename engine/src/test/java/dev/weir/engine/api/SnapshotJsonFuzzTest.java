package dev.weir.engine.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonParser;

import java.nio.charset.StandardCharsets;

/** A remote weir's answer is network input: reading it may only fail with {@link JsonException}. */
class SnapshotJsonFuzzTest {

    @FuzzTest
    void readFailsCleanly(byte[] input) {
        try {
            SnapshotJson.read(JsonParser.parseObject(new String(input, StandardCharsets.UTF_8)));
        } catch (JsonException expected) {
            // the only allowed failure
        }
    }
}
