package dev.weir.engine.relay;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.config.TlsSettings;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.FreePort;
import dev.weir.engine.testing.NginxRtmp;
import dev.weir.engine.testing.PeerProcess;
import dev.weir.engine.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relays to real destinations on loopback: nginx-rtmp, and a second Weir engine over SRT and over RTMPS. ffmpeg
 * publishes to the first engine; ffmpeg reads from the destination; ffprobe decodes what it got.
 */
class RelayInteropIT {
    @TempDir
    Path dir;

    private static WeirEngine relayingEngine(String relayTo) {
        return StandardListeners.engine(EngineConfig.DEFAULTS.withRelay(
                new RelaySettings(List.of(RelaySettings.Destination.parse(relayTo)))));
    }

    private static int port(String listenerId) {
        return Integer.parseInt(listenerId.substring(listenerId.lastIndexOf(':') + 1));
    }

    @Test
    void aRelayToNginxRtmpPlaysBack() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir, "nginx", FreePort.tcp());
             WeirEngine engine = relayingEngine("live/test=" + nginx.url("live/relayed"))) {
            int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/test", 10)) {
                RelaySnapshot running = awaitRelay(engine, r -> r.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(10));
                assertEquals("rtmp://127.0.0.1:" + nginx.port() + "/live/relayed", running.destination());
                Path out = dir.resolve("from-nginx.flv");
                try (PeerProcess reader = Ffmpeg.recordToFlv(dir, "reader", nginx.url("live/relayed"), out)) {
                    publisher.awaitSuccess(Duration.ofSeconds(30));
                    reader.await(Duration.ofSeconds(20));
                }
                int frames = Ffprobe.decodedVideoFrames(out);
                assertTrue(frames >= 100, "frames decoded from nginx: " + frames);
                assertEquals(List.of("h264", "aac"), Ffprobe.codecs(out));
                RelaySnapshot last = engine.relaySnapshots().isEmpty() ? running : engine.relaySnapshots().get(0);
                assertEquals(0, last.reconnects(), "no reconnects on a healthy destination");
            }
            awaitNoRelay(engine);
        }
    }

    @Test
    void theRelayReconnectsWhenTheDestinationRestartsAndTheStreamGoesOn() throws Exception {
        int nginxPort = FreePort.tcp();
        NginxRtmp nginx = NginxRtmp.start(dir, "nginx-1", nginxPort);
        try (WeirEngine engine = relayingEngine(nginx.url("live/"))) {   // every stream, by its own name
            int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/cam", 40)) {
                awaitRelay(engine, r -> r.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(10));
                Thread.sleep(3000);
                nginx.kill();
                RelaySnapshot failed = awaitRelay(engine, r -> r.lastError() != null, Duration.ofSeconds(15));
                assertTrue(failed.state() != RelaySnapshot.State.STOPPED, "the relay waits and retries: " + failed);
                nginx = NginxRtmp.start(dir, "nginx-2", nginxPort);
                RelaySnapshot back = awaitRelay(engine, r -> r.reconnects() >= 1 && r.state() == RelaySnapshot.State.RUNNING,
                        Duration.ofSeconds(20));
                assertTrue(back.reconnects() >= 1, back.toString());
                Path out = dir.resolve("after-restart.flv");
                try (PeerProcess reader = PeerProcess.start(dir, "reader", List.of("ffmpeg", "-hide_banner", "-nostats",
                        "-loglevel", "warning", "-y", "-i", nginx.url("live/cam"), "-t", "6", "-c", "copy", out.toString()))) {
                    reader.awaitSuccess(Duration.ofSeconds(30));
                }
                int frames = Ffprobe.decodedVideoFrames(out);
                assertTrue(frames >= 100, "frames decoded after the restart: " + frames);
                assertTrue(publisher.isAlive(), "the publisher was never disturbed");
            }
        } finally {
            nginx.close();
        }
    }

    @Test
    void aHungDestinationDisturbsNeitherTheStreamNorTheOtherRelay() throws Exception {
        try (NginxRtmp hung = NginxRtmp.start(dir, "nginx-hung", FreePort.tcp());
             NginxRtmp healthy = NginxRtmp.start(dir, "nginx-healthy", FreePort.tcp());
             WeirEngine engine = StandardListeners.engine(EngineConfig.DEFAULTS.withRelay(new RelaySettings(List.of(
                     RelaySettings.Destination.parse(hung.url("live/")),
                     RelaySettings.Destination.parse(healthy.url("live/"))))))) {
            int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/h", 20)) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (engine.relaySnapshots().stream().filter(r -> r.state() == RelaySnapshot.State.RUNNING).count() < 2) {
                    assertTrue(System.nanoTime() < deadline, "both relays running: " + engine.relaySnapshots());
                    Thread.sleep(100);
                }
                hung.pause();
                try {
                    Path out = dir.resolve("healthy.flv");
                    try (PeerProcess reader = PeerProcess.start(dir, "reader", List.of("ffmpeg", "-hide_banner", "-nostats",
                            "-loglevel", "warning", "-y", "-i", healthy.url("live/h"), "-t", "8", "-c", "copy", out.toString()))) {
                        reader.awaitSuccess(Duration.ofSeconds(30));
                    }
                    int frames = Ffprobe.decodedVideoFrames(out);
                    assertTrue(frames >= 150, "the healthy destination kept receiving: " + frames + " frames in 8 s");
                    publisher.awaitSuccess(Duration.ofSeconds(30)); // the publisher was never held up
                } finally {
                    hung.resume();
                }
            }
        }
    }

    @Test
    void aRelayToAnotherWeirOverSrtPlaysBack() throws Exception {
        try (WeirEngine destination = StandardListeners.engine(EngineConfig.DEFAULTS.withSrt(
                new SrtSettings("127.0.0.1:0", 120, "relay-secret-1", 16)))) {
            int srt = port(destination.startSrtListener("127.0.0.1:0"));
            int destinationRtmp = port(destination.startRtmpListener("127.0.0.1:0"));
            try (WeirEngine engine = relayingEngine("srt://127.0.0.1:" + srt + "?passphrase=relay-secret-1&pbkeylen=16")) {
                int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
                try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/srt1", 10)) {
                    RelaySnapshot r = awaitRelay(engine, s -> s.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(10));
                    assertEquals("srt://127.0.0.1:" + srt + "?passphrase=***&pbkeylen=16&streamid=publish:live/srt1", r.destination());
                    assertFalse(r.destination().contains("relay-secret"), "passphrase redacted");
                    awaitPublished(destination, "live/srt1");
                    Path out = dir.resolve("from-srt.flv");
                    try (PeerProcess reader = Ffmpeg.recordToFlv(dir, "reader", "rtmp://127.0.0.1:" + destinationRtmp + "/live/srt1", out)) {
                        publisher.awaitSuccess(Duration.ofSeconds(30));
                        reader.await(Duration.ofSeconds(20));
                    }
                    int frames = Ffprobe.decodedVideoFrames(out);
                    assertTrue(frames >= 75, "frames decoded after SRT relay: " + frames);
                }
            }
        }
    }

    @Test
    void aRelayToAnotherWeirOverRtmpsPlaysBack() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.forLocalhost().writePem(cert, key);
        try (WeirEngine destination = StandardListeners.engine(EngineConfig.DEFAULTS.withTls(
                new TlsSettings("127.0.0.1:0", cert.toString(), key.toString())))) {
            int rtmps = port(destination.startRtmpsListener("127.0.0.1:0"));
            int destinationRtmp = port(destination.startRtmpListener("127.0.0.1:0"));
            try (WeirEngine engine = relayingEngine("rtmps://127.0.0.1:" + rtmps + "/backup/?tls_verify=0")) {
                int rtmp = port(engine.startRtmpListener("127.0.0.1:0"));
                try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmp + "/live/tls1", 10)) {
                    RelaySnapshot r = awaitRelay(engine, s -> s.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(10));
                    assertEquals("rtmps://127.0.0.1:" + rtmps + "/backup/tls1", r.destination());
                    awaitPublished(destination, "backup/tls1");
                    Path out = dir.resolve("from-rtmps.flv");
                    try (PeerProcess reader = Ffmpeg.recordToFlv(dir, "reader", "rtmp://127.0.0.1:" + destinationRtmp + "/backup/tls1", out)) {
                        publisher.awaitSuccess(Duration.ofSeconds(30));
                        reader.await(Duration.ofSeconds(20));
                    }
                    int frames = Ffprobe.decodedVideoFrames(out);
                    assertTrue(frames >= 75, "frames decoded after RTMPS relay: " + frames);
                    assertTrue(destination.sampleStats().connections().stream().noneMatch(c -> c.protocol() == null),
                            "connections listed");
                }
            }
        }
    }

    static RelaySnapshot awaitRelay(WeirEngine engine, Predicate<RelaySnapshot> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<RelaySnapshot> last = List.of();
        while (System.nanoTime() < deadline) {
            last = engine.relaySnapshots();
            for (RelaySnapshot r : last) if (condition.test(r)) return r;
            Thread.sleep(100);
        }
        throw new AssertionError("no relay reached the expected state within " + timeout + "; relays: " + last);
    }

    private static void awaitNoRelay(WeirEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.relaySnapshots().stream().allMatch(r -> r.state() == RelaySnapshot.State.STOPPED)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("relay still running after the publisher left: " + engine.relaySnapshots());
    }

    static void awaitPublished(WeirEngine engine, String key) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.sampleStats().streams().stream().anyMatch(s -> s.key().equals(key)
                    && s.state() == dev.weir.engine.stats.StreamSnapshot.StreamState.PUBLISHING)) return;
            Thread.sleep(100);
        }
        throw new AssertionError(key + " never published at the destination: " + engine.sampleStats().streams());
    }
}
