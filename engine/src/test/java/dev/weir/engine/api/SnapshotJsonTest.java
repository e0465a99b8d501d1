package dev.weir.engine.api;

import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.stats.EngineSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotJsonTest {

    @Test
    void theFixedSnapshotHasTheDocumentedShape() throws Exception {
        // Golden file: the API contract of docs/api.md, written by hand and checked field by field.
        String golden = new String(Objects.requireNonNull(getClass().getResourceAsStream("/golden/api/snapshot-v1.json"))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(JsonParser.parse(golden), SnapshotJson.write(SampleSnapshots.fixed()));
    }

    @Test
    void readingWhatWasWrittenGivesTheSameSnapshot() {
        assertEquals(SampleSnapshots.fixed(), SnapshotJson.read(JsonParser.parseObject(SnapshotJson.write(SampleSnapshots.fixed()).toJson())));
        assertEquals(EngineSnapshot.EMPTY, SnapshotJson.read(JsonParser.parseObject(SnapshotJson.write(EngineSnapshot.EMPTY).toJson())));
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            EngineSnapshot s = SampleSnapshots.random(r);
            assertEquals(s, SnapshotJson.read(JsonParser.parseObject(SnapshotJson.write(s).toJson())), "snapshot #" + i);
        }
    }

    @Test
    void errorsNameTheField() {
        JsonException e = assertThrows(JsonException.class, () -> SnapshotJson.read(JsonParser.parseObject(
                "{\"taken_at\":\"2026-11-21T05:00:00Z\",\"listeners\":[],\"streams\":[{\"key\":\"a\"}],\"connections\":[]}")));
        assertEquals("streams[0]: field 'bytes_in' is missing", e.getMessage());
        e = assertThrows(JsonException.class, () -> SnapshotJson.read(JsonParser.parseObject(
                "{\"taken_at\":\"yesterday\",\"listeners\":[],\"streams\":[],\"connections\":[]}")));
        assertEquals("field 'taken_at' is not an ISO-8601 instant: yesterday", e.getMessage());
        e = assertThrows(JsonException.class, () -> SnapshotJson.read(JsonParser.parseObject(
                "{\"taken_at\":\"2026-11-21T05:00:00Z\",\"listeners\":[{\"protocol\":\"quic\"}],\"streams\":[],\"connections\":[]}")));
        assertEquals("listeners[0]: field 'protocol' has unknown value 'quic'", e.getMessage());
    }
}
