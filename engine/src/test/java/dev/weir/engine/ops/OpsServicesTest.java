package dev.weir.engine.ops;

import dev.weir.engine.ListenerException;
import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.AccessDecision;
import dev.weir.engine.auth.AccessRequest;
import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.auth.RtmpStreamName;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.config.MetricsSettings;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seam the engine wires: a refused publish is counted in /metrics, fires connection_rejected, and reload works. */
class OpsServicesTest {
    @TempDir
    Path dir;

    @Test
    void aRefusalIsCountedReportedAndHooked() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"live/stream1\": \"secret123\"}");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        OpsServices ops = OpsServices.start(
                new AuthSettings(AuthSettings.AuthMode.FILE, Map.of(), tokens.toString(), null, null),
                new HookSettings(List.of(), List.of(), "json", Duration.ofSeconds(5), 1),
                new MetricsSettings("127.0.0.1:0"), () -> EngineSnapshot.EMPTY,
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
        String metrics;
        try {
            // What an RTMP session does with ffmpeg's rtmp://host/live/stream1?token=wrong
            RtmpStreamName name = RtmpStreamName.parse("live", "stream1?token=wrong");
            AccessDecision d = ops.access().check(new AccessRequest(AccessAction.PUBLISH, Protocol.RTMP, name.streamKey(),
                    name.token(), "127.0.0.1:50000", "rtmp-1")).join();
            assertEquals(DenyReason.TOKEN_INVALID, ((AccessDecision.Denied) d).reason());
            assertEquals("NetStream.Publish.Unauthorized", ((AccessDecision.Denied) d).reason().rtmpStatusCode(AccessAction.PUBLISH));

            int port = ops.api().orElseThrow().address().getPort();
            try (HttpClient client = HttpClient.newHttpClient()) {
                metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }

            Files.writeString(tokens, "{\"live/stream1\": \"wrong\", \"live/other\": \"x\"}");
            var change = ops.reload().orElseThrow();
            assertEquals(Set.of("live/other"), change.added());
            assertEquals(Set.of("live/stream1"), change.changed());
            assertTrue(ops.access().check(new AccessRequest(AccessAction.PUBLISH, Protocol.RTMP, "live/stream1", "wrong",
                    "127.0.0.1:50000", "rtmp-2")).join().allowed());
        } finally {
            ops.close();
        }
        assertTrue(metrics.contains("weir_access_rejected_total{action=\"publish\",reason=\"token_invalid\"} 1\n"), metrics);
        assertTrue(metrics.contains("weir_hook_deliveries_total{result=\"dropped\"} 0\n"), metrics);

        JsonObject event = JsonParser.parseObject(stdout.toString(StandardCharsets.UTF_8).strip());
        assertEquals("connection_rejected", event.string("type"));
        assertEquals("live/stream1", event.string("stream_key"));
        assertEquals("rtmp", event.string("protocol"));
        assertEquals("token_invalid", event.object("data").string("reason"));
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("wrong"), "the offered token is not in the event");
    }

    @Test
    void aFailedStartLeavesNothingRunning() throws Exception {
        try (OpsServices first = OpsServices.start(AuthSettings.DEFAULTS, HookSettings.DEFAULTS, new MetricsSettings("127.0.0.1:0"),
                () -> EngineSnapshot.EMPTY, System.out)) {
            int port = first.api().orElseThrow().address().getPort();
            assertThrows(ListenerException.class, () -> OpsServices.start(AuthSettings.DEFAULTS, HookSettings.DEFAULTS,
                    new MetricsSettings("127.0.0.1:" + port), () -> EngineSnapshot.EMPTY, System.out));
            assertTrue(first.reload().isEmpty(), "nothing to reload without an auth file");
        }
    }
}
