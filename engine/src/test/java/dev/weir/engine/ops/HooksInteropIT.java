package dev.weir.engine.ops;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.config.HookSettings.Binding;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.FreePort;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static dev.weir.engine.ops.OpsPeers.awaitPublished;
import static dev.weir.engine.ops.OpsPeers.awaitRefused;
import static dev.weir.engine.ops.OpsPeers.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hook kind fires with the right data on real publishes and plays: a webhook to a JDK HTTP server, a script
 * that writes its environment to a file, and stdio JSON lines; every event type shows up (RTMP and SRT starts and
 * stops, a refusal, a recording, a failing relay), and a script that hangs is cut at the hook timeout.
 */
class HooksInteropIT {
    @TempDir
    Path dir;

    @Test
    void eachHookKindFiresWithTheEventData() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> webhookBodies = new CopyOnWriteArrayList<>();
        List<String> webhookEventHeaders = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            webhookEventHeaders.add(exchange.getRequestHeaders().getFirst("X-Weir-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Path envFile = dir.resolve("env.txt");
        Path script = script("on-publish.sh", "#!/bin/sh\nenv | grep '^WEIR_' | sort > '" + envFile + "'\n");
        Path hanging = script("hang.sh", "#!/bin/sh\nsleep 60\n");
        ByteArrayOutputStream stdio = new ByteArrayOutputStream();
        String webhook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        HookSettings hooks = new HookSettings(
                List.of(new Binding(dev.weir.engine.hooks.HookEventType.PUBLISH_START, script.toString()),
                        new Binding(dev.weir.engine.hooks.HookEventType.PLAY_STOP, hanging.toString())),
                List.of(Binding.parse("publish_start=" + webhook), Binding.parse("connection_rejected=" + webhook)),
                "json", Duration.ofSeconds(2), 4);
        EngineConfig config = EngineConfig.DEFAULTS
                .withHooks(hooks)
                .withAuth(new AuthSettings(AuthMode.TOKEN, Map.of("live/h", "tok", "live/srt", "tok"), null, null, null))
                .withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16))
                .withRecording(new RecordingSettings(dir.resolve("rec").toString(), false))
                .withRelay(new RelaySettings(List.of(RelaySettings.Destination.parse(
                        "live/h=rtmp://127.0.0.1:" + FreePort.tcp() + "/live/gone?token=relay-secret"))));
        try (PrintStream out = new PrintStream(stdio, true, StandardCharsets.UTF_8);
             WeirEngine engine = StandardListeners.register(WeirEngine.builder(config).stdout(out)).build()) {
            int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
            int srt = port(engine.startSrtListener("127.0.0.1:0"));
            engine.startRecording("live/h");
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/h?token=tok", 8)) {
                awaitPublished(engine, "live/h", publisher);
                try (PeerProcess player = PeerProcess.start(dir, "player", List.of("ffmpeg", "-hide_banner", "-loglevel", "warning",
                        "-i", "rtmp://127.0.0.1:" + rtmp + "/live/h?token=tok", "-t", "2", "-f", "null", "-"))) {
                    player.awaitSuccess(Duration.ofSeconds(20));
                }
                awaitRefused(Ffmpeg.publishTestSource(dir, "refused", "rtmp://127.0.0.1:" + rtmp + "/live/h?token=wrong", 3));
                try (PeerProcess srtPublisher = PeerProcess.start(dir, "srt-publisher", List.of("ffmpeg", "-hide_banner",
                        "-loglevel", "warning", "-re", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25", "-t", "2",
                        "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts",
                        "srt://127.0.0.1:" + srt + "?streamid=publish:live/srt?token=tok&pkt_size=1316"))) {
                    srtPublisher.awaitSuccess(Duration.ofSeconds(20));
                }
                publisher.awaitSuccess(Duration.ofSeconds(30));
            }
            engine.stopRecording("live/h");
            await(() -> types(stdio).containsAll(List.of("publish_start", "publish_stop", "play_start", "play_stop",
                    "connection_rejected", "record_start", "record_stop", "relay_failed")), "every event type on stdio: " + types(stdio));
            await(() -> Files.exists(envFile) && webhookBodies.size() >= 2, "script and webhooks ran");
            await(() -> engine.ops().hooks().timedOutCount() >= 1, "the hanging script was cut at the timeout");

            List<JsonValue.JsonObject> events = events(stdio);
            JsonValue.JsonObject start = first(events, "publish_start", "live/h");
            assertEquals("rtmp", string(start, "protocol"));
            assertTrue(string(start, "remote_addr").startsWith("127.0.0.1:"), start.toString());
            assertTrue(string(start, "connection_id").startsWith("rtmp-"), start.toString());
            JsonValue.JsonObject srtStart = first(events, "publish_start", "live/srt");
            assertEquals("srt", string(srtStart, "protocol"));
            first(events, "publish_stop", "live/srt");
            JsonValue.JsonObject rejected = first(events, "connection_rejected", "live/h");
            assertEquals("token_invalid", string((JsonValue.JsonObject) rejected.get("data"), "reason"));
            JsonValue.JsonObject record = first(events, "record_start", "live/h");
            assertTrue(string((JsonValue.JsonObject) record.get("data"), "path").contains("live_h_"), record.toString());
            JsonValue.JsonObject relay = first(events, "relay_failed", "live/h");
            String destination = string((JsonValue.JsonObject) relay.get("data"), "destination");
            assertTrue(destination.endsWith("/live/gone?***"), destination);
            assertTrue(!stdio.toString(StandardCharsets.UTF_8).contains("relay-secret")
                    && !stdio.toString(StandardCharsets.UTF_8).contains("\"tok\""), "no secrets in events");

            List<String> env = Files.readAllLines(envFile);
            assertTrue(env.contains("WEIR_EVENT=publish_start"), env.toString());
            assertTrue(env.contains("WEIR_STREAM_KEY=live/h") || env.contains("WEIR_STREAM_KEY=live/srt"), env.toString());
            assertTrue(env.stream().anyMatch(l -> l.startsWith("WEIR_PROTOCOL=")), env.toString());
            assertTrue(webhookEventHeaders.contains("publish_start") && webhookEventHeaders.contains("connection_rejected"),
                    webhookEventHeaders.toString());
            assertTrue(webhookBodies.stream().anyMatch(b -> b.contains("\"type\":\"connection_rejected\"")
                    && b.contains("\"stream_key\":\"live/h\"") && b.contains("\"reason\":\"token_invalid\"")), webhookBodies.toString());
        } finally {
            server.stop(0);
        }
    }

    private Path script(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static List<JsonValue.JsonObject> events(ByteArrayOutputStream stdio) {
        return stdio.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{"))
                .map(l -> {
                    try {
                        return (JsonValue.JsonObject) JsonParser.parse(l);
                    } catch (Exception e) {
                        throw new AssertionError("stdio line is not JSON: " + l, e);
                    }
                }).toList();
    }

    private static List<String> types(ByteArrayOutputStream stdio) {
        return events(stdio).stream().map(e -> string(e, "type")).distinct().toList();
    }

    private static JsonValue.JsonObject first(List<JsonValue.JsonObject> events, String type, String key) {
        return events.stream().filter(e -> type.equals(string(e, "type")) && key.equals(string(e, "stream_key")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + key + " in " + events));
    }

    private static String string(JsonValue.JsonObject o, String name) {
        return o.get(name) instanceof JsonValue.JsonString s ? s.value() : null;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out: " + what);
    }
}
