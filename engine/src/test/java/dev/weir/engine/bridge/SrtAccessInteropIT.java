package dev.weir.engine.bridge;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.testing.FreePort;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control at the SRT handshake with real callers (ffmpeg, srt-live-transmit): the token travels in the
 * stream id; refusals reach the caller with the mapped code (seen on the wire through {@link RejectionTap}:
 * ffmpeg 5.1 and srt-live-transmit print only "REJECT"/"Application-defined rejection reason", not the number).
 * Also the callback mode's pending handshake and per-stream passphrases.
 */
class SrtAccessInteropIT {
    @TempDir
    Path dir;

    private record Weir(WeirEngine engine, int srtPort) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    private static Weir weir(EngineConfig config) throws Exception {
        WeirEngine engine = StandardListeners.engine(config);
        String id = engine.startSrtListener("127.0.0.1:0");
        return new Weir(engine, Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)));
    }

    private PeerProcess publish(String label, int port, String streamId, String extra, int seconds) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "info", "-re",
                "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mpegts",
                "srt://127.0.0.1:" + port + "?streamid=" + streamId + "&pkt_size=1316" + extra));
        return PeerProcess.start(dir, label, cmd);
    }

    /** ffmpeg publishes through a tap; returns the reject codes Weir sent and checks ffmpeg failed. */
    private List<Integer> refusedCodes(String label, Weir weir, String streamId, String extra) throws Exception {
        try (RejectionTap tap = new RejectionTap(new InetSocketAddress("127.0.0.1", weir.srtPort()));
             PeerProcess p = publish(label, tap.port(), streamId, extra, 3)) {
            assertTrue(p.await(Duration.ofSeconds(20)) != 0, "ffmpeg must fail\n" + p.logTail());
            assertTrue(p.log().contains("REJECT") || p.log().toLowerCase().contains("rejection"), p.logTail());
            return tap.rejections().stream().distinct().toList();
        }
    }

    private static void awaitPublished(WeirEngine engine, String key, PeerProcess p) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.sampleStats().streams().stream().anyMatch(s -> s.key().equals(key)
                    && s.state() == StreamSnapshot.StreamState.PUBLISHING)) return;
            if (!p.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError(key + " not published\n" + p.logTail());
    }

    @Test
    void tokenModeOverSrtAdmitsTheTokenInTheStreamIdAndRefusesWith1401Or1403() throws Exception {
        EngineConfig config = EngineConfig.DEFAULTS.withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16))
                .withAuth(new AuthSettings(AuthMode.TOKEN, Map.of("live/s", "srt-good"), null, null, null));
        try (Weir weir = weir(config);
             PeerProcess good = publish("good", weir.srtPort(), "publish:live/s?token=srt-good", "", 20)) {
            awaitPublished(weir.engine(), "live/s", good);
            assertEquals(List.of(1401), refusedCodes("bad", weir, "publish:live/s?token=x", ""));
            assertEquals(List.of(1401), refusedCodes("missing", weir, "#!::r=live/s,m=publish", ""));
            assertEquals(List.of(1403), refusedCodes("unlisted", weir, "#!::r=live/other,m=publish,s=srt-good", ""));
            // srt-live-transmit as a player with a wrong token
            try (RejectionTap tap = new RejectionTap(new InetSocketAddress("127.0.0.1", weir.srtPort()));
                 PeerProcess player = PeerProcess.start(dir, "slt-player", List.of("srt-live-transmit", "-a:no",
                         "srt://127.0.0.1:" + tap.port() + "?streamid=live/s?token=nope", "udp://127.0.0.1:" + FreePort.tcp()))) {
                player.await(Duration.ofSeconds(15));
                assertTrue(player.logTail().contains("REJECT"), player.logTail());
                assertEquals(List.of(1401), tap.rejections().stream().distinct().toList());
            }
            assertTrue(good.isAlive(), good::logTail);
            assertEquals(4, weir.engine().sampleStats().listeners().get(0).rejected());
        }
    }

    @Test
    void fileModeOverSrtFollowsTheTokenFile() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"live/f\": \"file-token\"}");
        EngineConfig config = EngineConfig.DEFAULTS.withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16))
                .withAuth(new AuthSettings(AuthMode.FILE, null, tokens.toString(), null, null));
        try (Weir weir = weir(config);
             PeerProcess good = publish("good", weir.srtPort(), "#!::r=live/f,m=publish,s=file-token", "", 20)) {
            awaitPublished(weir.engine(), "live/f", good);
            assertEquals(List.of(1401), refusedCodes("bad", weir, "publish:live/f?token=other", ""));
            assertEquals(List.of(1403), refusedCodes("unlisted", weir, "publish:live/g?token=file-token", ""));
        }
    }

    @Test
    void callbackModeKeepsTheHandshakePendingUntilTheCallbackAnswers() throws Exception {
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        callback.createContext("/auth", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(700); // slower than libsrt's 250 ms conclusion repeat: the handshake must wait for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(body.contains("\"token\":\"cb-srt\"") ? 200 : 403, -1);
            exchange.close();
        });
        callback.start();
        EngineConfig config = EngineConfig.DEFAULTS.withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16))
                .withAuth(new AuthSettings(AuthMode.CALLBACK, null, null,
                        "http://127.0.0.1:" + callback.getAddress().getPort() + "/auth", Duration.ofSeconds(2)));
        try (Weir weir = weir(config);
             PeerProcess good = publish("good", weir.srtPort(), "publish:live/cb?token=cb-srt", "", 20)) {
            awaitPublished(weir.engine(), "live/cb", good);
            assertEquals(List.of(1403), refusedCodes("bad", weir, "publish:live/cb2?token=nope", ""));
        } finally {
            callback.stop(0);
        }
    }

    @Test
    void aPassphraseFileGivesEachStreamItsPassphraseAndRefusesStreamsNotInIt() throws Exception {
        Path file = dir.resolve("srt-keys.json");
        Files.writeString(file, "{\"live/p\": \"passphrase-of-p\", \"live/r\": \"passphrase-of-r\"}");
        EngineConfig config = EngineConfig.DEFAULTS.withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16, file.toString()));
        try (Weir weir = weir(config);
             PeerProcess good = publish("good", weir.srtPort(), "publish:live/p", "&passphrase=passphrase-of-p&pbkeylen=16", 20)) {
            awaitPublished(weir.engine(), "live/p", good);
            assertEquals(List.of(1403), refusedCodes("unlisted", weir, "publish:live/q", "&passphrase=passphrase-of-p&pbkeylen=16"));
            // wrong passphrase: libsrt's BADSECRET (reason 10, handshake type 1010 on the wire)
            assertEquals(List.of(10), refusedCodes("wrong", weir, "publish:live/r", "&passphrase=passphrase-of-p&pbkeylen=16"));

            Files.writeString(file, "{\"live/p\": \"passphrase-of-p\", \"live/r\": \"passphrase-of-r\", \"live/q\": \"passphrase-of-q\"}");
            assertEquals(List.of("SRT passphrase file " + file + " reloaded: 1 added [live/q], 0 removed [], 0 changed []"),
                    weir.engine().reloadAccessFiles());
            try (PeerProcess q = publish("q", weir.srtPort(), "publish:live/q", "&passphrase=passphrase-of-q&pbkeylen=16", 20)) {
                awaitPublished(weir.engine(), "live/q", q);
            }
            assertTrue(good.isAlive(), good::logTail);
        }
    }
}
