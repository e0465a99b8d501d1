package dev.weir.engine.api;

import dev.weir.engine.ListenerException;
import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.AccessRequest;
import dev.weir.engine.auth.StaticTokenPolicy;
import dev.weir.engine.auth.TokenTable;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerTest {
    private final AtomicReference<EngineSnapshot> current = new AtomicReference<>(SampleSnapshots.fixed());
    private AccessControl access;
    private ApiServer api;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        access = new AccessControl(new StaticTokenPolicy(TokenTable.of(Map.of("live/test", "t"))), null);
        api = ApiServer.start("127.0.0.1:0", current::get, List.of(new AccessMetrics(access)));
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        client.shutdownNow();
        api.close();
        access.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreValidPrometheusTextIncludingContributors() throws Exception {
        access.check(new AccessRequest(AccessAction.PUBLISH, Protocol.RTMP, "live/test", "bad", "127.0.0.1:1", "rtmp-1")).join();
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertEquals(PrometheusText.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        var samples = PrometheusTextValidator.samples(r.body());
        assertTrue(samples.stream().anyMatch(s -> s.name().equals("weir_access_rejected_total")
                && s.labels().equals(Map.of("action", "publish", "reason", "token_invalid")) && s.value() == 1), r.body());
        assertTrue(samples.stream().anyMatch(s -> s.name().equals("weir_stream_players")), r.body());
    }

    @Test
    void jsonEndpointsServeTheCurrentSnapshot() throws Exception {
        EngineSnapshot s = SampleSnapshots.fixed();
        HttpResponse<String> r = get("/api/v1/snapshot");
        assertEquals(200, r.statusCode());
        assertEquals(ApiServer.JSON, r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(s, SnapshotJson.read(JsonParser.parseObject(r.body())));
        assertEquals(SnapshotJson.streams(s.streams()), JsonParser.parse(get("/api/v1/streams").body()));
        assertEquals(SnapshotJson.listeners(s.listeners()), JsonParser.parse(get("/api/v1/listeners").body()));
        assertEquals(SnapshotJson.connections(s.connections()), JsonParser.parse(get("/api/v1/connections").body()));

        current.set(EngineSnapshot.EMPTY);
        assertEquals(new JsonValue.JsonArray(List.of()), JsonParser.parse(get("/api/v1/streams").body()));
    }

    @Test
    void unknownPathsAndWritesAreRefused() throws Exception {
        HttpResponse<String> r = get("/api/v2/streams");
        assertEquals(404, r.statusCode());
        assertTrue(JsonParser.parseObject(r.body()).string("error").startsWith("no such endpoint /api/v2/streams"));
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aTakenPortIsAClearError() {
        ListenerException e = assertThrows(ListenerException.class,
                () -> ApiServer.start("127.0.0.1:" + api.address().getPort(), current::get, List.of()));
        assertTrue(e.getMessage().startsWith("metrics address 127.0.0.1:" + api.address().getPort() + " is not available"), e.getMessage());
        ListenerException bad = assertThrows(ListenerException.class, () -> ApiServer.start("8080", current::get, List.of()));
        assertEquals("metrics address: listen address '8080' has no port; write it as :PORT or HOST:PORT", bad.getMessage());
    }
}
