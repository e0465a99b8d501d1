package dev.weir.engine.ops;

import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.OpenAccessPolicy;
import dev.weir.engine.hooks.HookDispatcher;
import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.hooks.HookFailedException;
import dev.weir.engine.hooks.HookSink;
import dev.weir.engine.stats.RecordingSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.weir.engine.stats.RecordingSnapshot.State.FAILED;
import static dev.weir.engine.stats.RecordingSnapshot.State.RECORDING;
import static dev.weir.engine.stats.RecordingSnapshot.State.STOPPED;
import static dev.weir.engine.stats.RecordingSnapshot.State.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordingHooksTest {
    private final java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    private final Map<String, RecordingSnapshot> gone = new HashMap<>();
    private final RecordingHooks hooks;
    private final HookDispatcher dispatcher;

    RecordingHooksTest() {
        HookSink capture = new dev.weir.engine.hooks.StdioSink(dev.weir.engine.hooks.StdioSink.Format.parse("json"),
                new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        dispatcher = new HookDispatcher(List.of(new HookDispatcher.Route(null, capture)), Duration.ofSeconds(1), 1, 100, null, null);
        hooks = new RecordingHooks(new SessionServices(new AccessControl(new OpenAccessPolicy(), null), dispatcher, null, null), gone::get);
    }

    private List<String> events() throws InterruptedException {
        dispatcher.close();
        return stdout.toString(java.nio.charset.StandardCharsets.UTF_8).lines().map(line -> {
            var o = (dev.weir.engine.json.JsonValue.JsonObject) dev.weir.engine.json.JsonParser.parse(line);
            Map<String, String> data = new java.util.LinkedHashMap<>();
            ((dev.weir.engine.json.JsonValue.JsonObject) o.get("data")).members()
                    .forEach((k, v) -> data.put(k, ((dev.weir.engine.json.JsonValue.JsonString) v).value()));
            return ((dev.weir.engine.json.JsonValue.JsonString) o.get("type")).value() + " "
                    + ((dev.weir.engine.json.JsonValue.JsonString) o.get("stream_key")).value() + " " + data;
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
        hooks.onSample(new dev.weir.engine.stats.EngineSnapshot(java.time.Instant.EPOCH, List.of(), List.of(), List.of()));
        hooks.observe("live/b", rec(RECORDING, "/r/b.flv", null));
        gone.put("live/b", rec(STOPPED, "/r/b.flv", null));
        hooks.onSample(new dev.weir.engine.stats.EngineSnapshot(java.time.Instant.EPOCH, List.of(), List.of(), List.of()));
        assertEquals(List.of("record_start live/b {path=/r/b.flv, format=flv}",
                "record_stop live/b {path=/r/b.flv, format=flv, bytes=1000}"), events());
    }
}
