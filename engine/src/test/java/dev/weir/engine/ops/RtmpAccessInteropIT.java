package dev.weir.engine.ops;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.TlsSettings;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.PeerProcess;
import dev.weir.engine.testing.RawRtmpClient;
import dev.weir.engine.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.weir.engine.ops.OpsPeers.awaitPublished;
import static dev.weir.engine.ops.OpsPeers.awaitRefused;
import static dev.weir.engine.ops.OpsPeers.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control and RTMPS with real peers: ffmpeg publishes with {@code ?token=} in each auth mode (admitted, or
 * refused and printing the reason), a scripted client checks the exact onStatus codes, and ffmpeg publishes and
 * plays over {@code rtmps://}.
 */
class RtmpAccessInteropIT {
    @TempDir
    Path dir;

    private static WeirEngine engine(AuthSettings auth) {
        return StandardListeners.engine(EngineConfig.DEFAULTS.withAuth(auth));
    }

    private String url(int port, String keyAndQuery) {
        return "rtmp://127.0.0.1:" + port + "/" + keyAndQuery;
    }

    @Test
    void tokenModeAdmitsTheRightTokenAndRefusesWrongAndMissingOnes() throws Exception {
        try (WeirEngine engine = engine(new AuthSettings(AuthMode.TOKEN, Map.of("live/a", "good-token"), null, null, null))) {
            int port = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess good = Ffmpeg.publishTestSource(dir, "good", url(port, "live/a?token=good-token"), 20)) {
                awaitPublished(engine, "live/a", good);
                String bad = awaitRefused(Ffmpeg.publishTestSource(dir, "bad", url(port, "live/a?token=wrong"), 5));
                assertTrue(bad.contains("invalid credentials"), bad);
                String missing = awaitRefused(Ffmpeg.publishTestSource(dir, "missing", url(port, "live/a"), 5));
                assertTrue(missing.contains("token missing"), missing);
                String unlisted = awaitRefused(Ffmpeg.publishTestSource(dir, "unlisted", url(port, "live/other?token=good-token"), 5));
                assertTrue(unlisted.contains("stream not allowed"), unlisted);
                assertTrue(good.isAlive(), "the admitted publisher is undisturbed\n" + good.logTail());

                // The exact codes on the wire, and the connection closed after them.
                assertEquals("NetStream.Publish.Unauthorized", refusedCode(port, "publish", "b?token=wrong"));
                assertEquals("NetStream.Play.Unauthorized", refusedCode(port, "play", "a?token=wrong"));

                // A player with the token plays.
                Path out = dir.resolve("played.flv");
                try (PeerProcess player = PeerProcess.start(dir, "player", List.of("ffmpeg", "-hide_banner", "-loglevel", "warning",
                        "-y", "-i", url(port, "live/a?token=good-token"), "-t", "3", "-c", "copy", out.toString()))) {
                    player.awaitSuccess(Duration.ofSeconds(20));
                }
                assertTrue(Ffprobe.decodedVideoFrames(out) >= 50, "player with the token decodes frames");
            }
            ListenerSnapshot l = engine.sampleStats().listeners().get(0);
            assertEquals(5, l.rejected(), "refusals counted on the listener: " + l);
            assertEquals(1, engine.ops().access().rejectedCount(AccessAction.PUBLISH, DenyReason.TOKEN_INVALID));
            assertEquals(1, engine.ops().access().rejectedCount(AccessAction.PUBLISH, DenyReason.TOKEN_MISSING));
            assertEquals(2, engine.ops().access().rejectedCount(AccessAction.PUBLISH, DenyReason.STREAM_NOT_ALLOWED)); // live/other, live/b
            assertEquals(1, engine.ops().access().rejectedCount(AccessAction.PLAY, DenyReason.TOKEN_INVALID));
        }
    }

    private static String refusedCode(int port, String action, String name) throws Exception {
        try (RawRtmpClient client = new RawRtmpClient("127.0.0.1", port).handshake()) {
            client.connect("live");
            int stream = client.createStream();
            client.command(stream, action, null, name);
            Command status = client.awaitCommand(c -> c.name().equals("onStatus"));
            assertTrue(client.closedByServerWithin(Duration.ofSeconds(5)), "closed after the refusal");
            return RawRtmpClient.statusCode(status);
        }
    }

    @Test
    void fileModeAdmitsTokensFromTheFileAndTakesAReloadWithoutDroppingStreams() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"live/f\": \"first\"}");
        try (WeirEngine engine = engine(new AuthSettings(AuthMode.FILE, null, file.toString(), null, null))) {
            int port = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess good = Ffmpeg.publishTestSource(dir, "good", url(port, "live/f?token=first"), 20)) {
                awaitPublished(engine, "live/f", good);
                String bad = awaitRefused(Ffmpeg.publishTestSource(dir, "bad", url(port, "live/g?token=second"), 5));
                assertTrue(bad.contains("stream not allowed"), bad);

                Files.writeString(file, "{\"live/f\": \"first\", \"live/g\": \"second\"}");
                List<String> lines = engine.reloadAccessFiles();
                assertEquals(List.of("auth file " + file + " reloaded: 1 added [live/g], 0 removed [], 0 changed []"), lines);
                try (PeerProcess second = Ffmpeg.publishTestSource(dir, "second", url(port, "live/g?token=second"), 20)) {
                    awaitPublished(engine, "live/g", second);
                }
                assertTrue(good.isAlive() && OpsPeers.isPublished(engine, "live/f"), "the running stream continues");

                Files.writeString(file, "{\"live/f\": ");
                assertTrue(engine.reloadAccessFiles().get(0).startsWith("auth file reload failed, previous tokens stay in force"));
                try (PeerProcess again = Ffmpeg.publishTestSource(dir, "again", url(port, "live/g?token=second"), 20)) {
                    awaitPublished(engine, "live/g", again);
                }
            }
        }
    }

    @Test
    void callbackModeAsksTheCallbackWithTheRequest() throws Exception {
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        callback.createContext("/auth", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            exchange.sendResponseHeaders(body.contains("\"token\":\"cb-good\"") ? 204 : 403, -1);
            exchange.close();
        });
        callback.start();
        String cbUrl = "http://127.0.0.1:" + callback.getAddress().getPort() + "/auth";
        try (WeirEngine engine = engine(new AuthSettings(AuthMode.CALLBACK, null, null, cbUrl, Duration.ofSeconds(2)))) {
            int port = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess good = Ffmpeg.publishTestSource(dir, "good", url(port, "live/cb?token=cb-good"), 20)) {
                awaitPublished(engine, "live/cb", good);
                String bad = awaitRefused(Ffmpeg.publishTestSource(dir, "bad", url(port, "live/cb2?token=nope"), 5));
                assertTrue(bad.contains("rejected by auth callback"), bad);
            }
            String first = bodies.get(0);
            assertTrue(first.contains("\"action\":\"publish\"") && first.contains("\"stream_key\":\"live/cb\"")
                    && first.contains("\"protocol\":\"rtmp\""), first);
        } finally {
            callback.stop(0);
        }
    }

    @Test
    void ffmpegPublishesAndPlaysOverRtmps() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.forLocalhost().writePem(cert, key);
        try (WeirEngine engine = StandardListeners.engine(EngineConfig.DEFAULTS.withTls(
                new TlsSettings("127.0.0.1:0", cert.toString(), key.toString())))) {
            String id = engine.startRtmpsListener("127.0.0.1:0");
            assertTrue(id.startsWith("rtmps:127.0.0.1:"), id);
            int port = port(id);
            String url = "rtmps://127.0.0.1:" + port + "/live/test";
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", url, 12, List.of("-tls_verify", "0"))) {
                awaitPublished(engine, "live/test", publisher);
                var snapshot = engine.sampleStats();
                assertEquals(Protocol.RTMPS, snapshot.streams().get(0).protocol());
                assertEquals(Protocol.RTMPS, snapshot.listeners().get(0).protocol());
                Path out = dir.resolve("rtmps.flv");
                try (PeerProcess player = PeerProcess.start(dir, "player", List.of("ffmpeg", "-hide_banner", "-loglevel", "warning",
                        "-tls_verify", "0", "-y", "-i", url, "-t", "4", "-c", "copy", out.toString()))) {
                    player.awaitSuccess(Duration.ofSeconds(30));
                }
                int frames = Ffprobe.decodedVideoFrames(out);
                assertTrue(frames >= 75, "frames played over RTMPS: " + frames);
                assertFalse(engine.sampleStats().connections().isEmpty());
            }
        }
    }
}
