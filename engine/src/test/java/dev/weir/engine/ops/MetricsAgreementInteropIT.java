package dev.weir.engine.ops;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.api.SnapshotJson;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.MetricsSettings;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.weir.engine.ops.OpsPeers.awaitPublished;
import static dev.weir.engine.ops.OpsPeers.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -metrics-addr} on an engine with a real publisher: {@code promtool check metrics} accepts
 * {@code /metrics}, and {@code /api/v1/snapshot} and {@code /metrics} report the same numbers for the stream as the
 * snapshot the console reads ({@link WeirEngine#snapshot()}), when taken from the same sample.
 */
class MetricsAgreementInteropIT {
    @TempDir
    Path dir;

    @Test
    void metricsAndJsonAgreeWithTheEngineSnapshotOnALiveStream() throws Exception {
        EngineConfig config = EngineConfig.DEFAULTS.withMetrics(new MetricsSettings("127.0.0.1:0"));
        try (WeirEngine engine = StandardListeners.engine(config);
             HttpClient http = HttpClient.newHttpClient()) {
            int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
            String base = "http://127.0.0.1:" + engine.ops().api().orElseThrow().address().getPort();
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/m", 15)) {
                awaitPublished(engine, "live/m", publisher);
                Thread.sleep(2000); // rates and codec details settle

                String metrics = get(http, base + "/metrics");
                Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
                try (var in = p.getOutputStream()) {
                    in.write(metrics.getBytes(StandardCharsets.UTF_8));
                }
                String lint = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), "promtool: " + lint + "\n" + metrics);
                assertTrue(metrics.contains("weir_stream_info{stream=\"live/m\",protocol=\"rtmp\",video_codec=\"H264\""), metrics);

                // Same sample in the JSON and in the engine: the stream's numbers are identical.
                boolean compared = false;
                for (int attempt = 0; attempt < 20 && !compared; attempt++) {
                    EngineSnapshot before = engine.snapshot();
                    EngineSnapshot fromJson = SnapshotJson.read((JsonValue.JsonObject) JsonParser.parse(get(http, base + "/api/v1/snapshot")));
                    if (!fromJson.takenAt().equals(before.takenAt())) continue;
                    StreamSnapshot json = stream(fromJson);
                    StreamSnapshot local = stream(before);
                    assertEquals(local, json, "the API's stream is the engine's");
                    assertTrue(json.bytesIn() > 50_000 && json.bitrateIn() > 0, json.toString());
                    assertEquals(640, json.video().width());
                    compared = true;
                }
                assertTrue(compared, "caught the API and the engine on the same sample");

                // And /metrics against the JSON of the same sample.
                compared = false;
                for (int attempt = 0; attempt < 20 && !compared; attempt++) {
                    String text = get(http, base + "/metrics");
                    EngineSnapshot s = engine.snapshot();
                    double stamp = value(text, "weir_snapshot_timestamp_seconds ");
                    if (Math.abs(stamp - s.takenAt().toEpochMilli() / 1000.0) > 1e-6) continue;
                    StreamSnapshot st = stream(s);
                    assertEquals(st.bytesIn(), (long) value(text, "weir_stream_received_bytes_total{stream=\"live/m\",protocol=\"rtmp\"} "));
                    assertEquals(st.players(), (long) value(text, "weir_stream_players{stream=\"live/m\",protocol=\"rtmp\"} "));
                    assertEquals(st.bitrateIn() / 8.0, value(text, "weir_stream_receive_bytes_per_second{stream=\"live/m\",protocol=\"rtmp\"} "), 1.0);
                    compared = true;
                }
                assertTrue(compared, "caught /metrics and the engine on the same sample");
            }
        }
    }

    private static StreamSnapshot stream(EngineSnapshot s) {
        return s.streams().stream().filter(x -> x.key().equals("live/m")).findFirst().orElseThrow();
    }

    private static double value(String exposition, String prefix) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "(\\S+)$").matcher(exposition);
        if (!m.find()) throw new AssertionError("no sample " + prefix + " in\n" + exposition);
        return Double.parseDouble(m.group(1));
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }
}
