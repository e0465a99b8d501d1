package dev.weir.engine.ops;

import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.OpenAccessPolicy;
import dev.weir.engine.hooks.HookDispatcher;
import dev.weir.engine.hooks.HookSink;
import dev.weir.engine.hooks.StdioSink;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.RecordingSnapshot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.weir.engine.stats.RecordingSnapshot.State.FAILED;
import static dev.weir.engine.stats.RecordingSnapshot.State.RECORDING;
import static dev.weir.engine.stats.RecordingSnapshot.State.STOPPED;
import static dev.weir.engine.stats.RecordingSnapshot.State.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordingHooksTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Map<String, RecordingSnapshot> gone = new HashMap<>();
    private final RecordingHooks hooks;
    private final HookDispatcher dispatcher;

    RecordingHooksTest() {
        HookSink capture = new StdioSink(StdioSink.Format.parse("json"), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        dispatcher = new HookDispatcher(List.of(new HookDispatcher.Route(null, capture)), Duration.ofSeconds(1), 1, 100, null, null);
        hooks = new RecordingHooks(new SessionServices(new AccessControl(new OpenAccessPolicy(), null), dispatcher, null, null), gone::get);
    }

    /** What the stdio sink printed, one {@code type key {data}} per event, once every queued hook ran. */
    private List<String> events() {
        dispatcher.close();
        return stdout.toString(StandardCharsets.UTF_8).lines().map(line -> {
            JsonObject o = (JsonObject) JsonParser.parse(line);
            Map<String, String> data = new LinkedHashMap<>();
            ((JsonObject) o.get("data")).members().forEach((k, v) -> data.put(k, ((JsonString) v).value()));
            return ((JsonString) o.get("type")).value() + " " + ((JsonString) o.get("stream_key")).value() + " " + data;
        }).toList();
    }

    private static RecordingSnapshot rec(RecordingSnapshot.State state, String file, String error) {
        return new RecordingSnapshot(state, file, file == null ? null : "flv", 1000, Duration.ofSeconds(1), error);
    }

    @Test
    void aFileStartingAndStoppingFiresStartAndStopOnce() throws Exception {
        hooks.observe("live/a", rec(WAITING, null, null));
        hooks.observe("live/a", rec(RECORDING, "/r/a1.flv", null));
        hooks.observe("live/a", rec(RECORDING, "/r/a1.flv", null));
        hooks.observe("live/a", rec(RECORDING, "/r/a2.flv", null));   // next publication, next file
        hooks.observe("live/a", rec(FAILED, "/r/a2.flv", "disk full"));
        hooks.observe("live/a", rec(FAILED, "/r/a2.flv", "disk full"));
        assertEquals(List.of(
                "record_start live/a {path=/r/a1.flv, format=flv}",
                "record_stop live/a {path=/r/a1.flv}",
                "record_start live/a {path=/r/a2.flv, format=flv}",
                "record_stop live/a {path=/r/a2.flv, format=flv, bytes=1000, error=disk full}"), events());
    }

    @Test
    void aStreamThatLeftTheHubIsLookedUp() throws Exception {
        hooks.onSample(new EngineSnapshot(Instant.EPOCH, List.of(), List.of(), List.of()));
        hooks.observe("live/b", rec(RECORDING, "/r/b.flv", null));
        gone.put("live/b", rec(STOPPED, "/r/b.flv", null));
        hooks.onSample(new EngineSnapshot(Instant.EPOCH, List.of(), List.of(), List.of()));
        assertEquals(List.of("record_start live/b {path=/r/b.flv, format=flv}",
                "record_stop live/b {path=/r/b.flv, format=flv, bytes=1000}"), events());
    }
}
