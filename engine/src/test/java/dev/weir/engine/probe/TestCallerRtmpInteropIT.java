package dev.weir.engine.probe;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.TlsSettings;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.FreePort;
import dev.weir.engine.testing.NginxRtmp;
import dev.weir.engine.testing.PeerProcess;
import dev.weir.engine.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The built-in caller over RTMP against real servers on loopback: a Weir engine (plain, RTMPS with a self-signed
 * certificate, token access control) and nginx-rtmp, with ffmpeg publishing lavfi testsrc + sine as H.264/AAC.
 * Connect-only, receive with the codecs named, and each refusal as the server words it.
 */
class TestCallerRtmpInteropIT {
    @TempDir
    Path dir;
    private WeirEngine engine;

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private int startEngine(EngineConfig config) throws Exception {
        engine = StandardListeners.engine(config);
        return port(engine.startRtmpListener("127.0.0.1:0"));
    }

    private static int port(String listenerId) {
        return Integer.parseInt(listenerId.substring(listenerId.lastIndexOf(':') + 1));
    }

    private static TestCaller.Status awaitStatus(TestCaller caller, int seconds, Predicate<TestCaller.Status> ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            TestCaller.Status s = caller.status();
            if (ok.test(s)) return s;
            Thread.sleep(100);
        }
        fail("caller status never matched; last: " + caller.status());
        return null;
    }

    private static TestCaller.Status awaitEnd(TestCaller caller) throws InterruptedException {
        assertTrue(caller.await(Duration.ofSeconds(15)), "the call ended");
        return caller.status();
    }

    private static void assertReceivesTestSource(TestCaller caller) throws InterruptedException {
        TestCaller.Status s = awaitStatus(caller, 20, st -> st.codecs() != null && st.codecs().contains("AAC")
                && st.codecs().contains("H264") && st.bytesReceived() > 50_000);
        assertEquals(TestCaller.State.CONNECTED, s.state(), s.message());
        // ffmpeg's ultrafast x264 preset makes Constrained Baseline; its native AAC encoder LC, mono from the sine
        assertEquals("H264 Constrained Baseline 640x360, AAC LC 44100 Hz mono", s.codecs());
        assertTrue(s.message().startsWith("receiving live/"), s.message());
        s = awaitStatus(caller, 5, st -> st.bitrate() > 0);
        assertTrue(s.bitrate() > 100_000, "a live bitrate: " + s.bitrate());
    }

    @Test
    void connectOnlyToWeirSaysConnectedAndStaysUntilHungUp() throws Exception {
        int port = startEngine(EngineConfig.DEFAULTS);
        try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live", TestCaller.Action.CONNECT, null, null)) {
            TestCaller.Status s = awaitStatus(caller, 10, st -> st.state() != TestCaller.State.CONNECTING);
            assertEquals(TestCaller.State.CONNECTED, s.state(), s.message());
            assertEquals("connected to rtmp://127.0.0.1:" + port + "/live (NetConnection.Connect.Success, server FMS/3,0,1,123)",
                    s.message());
            Thread.sleep(1500);
            assertEquals(TestCaller.State.CONNECTED, caller.status().state(), "still connected");
            caller.close();
            assertEquals(TestCaller.State.CLOSED, awaitEnd(caller).state());
        }
    }

    @Test
    void receivesAStreamFfmpegPublishesToWeirWithItsCodecs() throws Exception {
        int port = startEngine(EngineConfig.DEFAULTS);
        try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + port + "/live/cam", 30)) {
            awaitPublished("live/cam");
            try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/cam", TestCaller.Action.RECEIVE, null, null)) {
                assertReceivesTestSource(caller);
            }
        }
    }

    @Test
    void aStreamNobodyPublishesOnWeirIsPlayedButSaidToHaveNoMedia() throws Exception {
        // Weir keeps a player of an unpublished key waiting for its publisher (NetStream.Play.Start, no refusal).
        int port = startEngine(EngineConfig.DEFAULTS);
        try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/nobody", TestCaller.Action.RECEIVE, null, null)) {
            TestCaller.Status s = awaitStatus(caller, 15, st -> st.message().contains("no media"));
            assertEquals(TestCaller.State.CONNECTED, s.state());
            assertEquals("playing live/nobody, but no media for 5 s: the server accepted the play, and nothing is "
                    + "published under that name there (yet)", s.message());
            assertTrue(s.bytesReceived() < 100, "only the server's |RtmpSampleAccess: " + s.bytesReceived());
        }
    }

    @Test
    void aWrongTokenIsRefusedWithWeirsStatus() throws Exception {
        int port = startEngine(EngineConfig.DEFAULTS.withAuth(new AuthSettings(AuthSettings.AuthMode.TOKEN,
                Map.of("live/cam", "right-token"), null, null, null)));
        try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/cam?token=wrong-token",
                TestCaller.Action.RECEIVE, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.REJECTED, s.state(), s.message());
            assertEquals("NetStream.Play.Unauthorized", s.rejectName());
            assertEquals("refused play: NetStream.Play.Unauthorized — invalid credentials", s.message());
            assertFalse(caller.shownUrl().contains("wrong-token"), caller.shownUrl());
        }
        assertTrue(engine.sampleStats().listeners().getFirst().rejected() >= 1, "the listener counted the refusal");
        try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + port
                + "/live/cam?token=right-token", 30);
             TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/cam?token=right-token",
                     TestCaller.Action.RECEIVE, null, null)) {
            assertReceivesTestSource(caller);
        }
    }

    @Test
    void receivesOverRtmpsAndSaysWhyAnUntrustedCertificateFails() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.forLocalhost().writePem(cert, key);
        int port = startEngine(EngineConfig.DEFAULTS.withTls(new TlsSettings("127.0.0.1:0", cert.toString(), key.toString())));
        int rtmps = port(engine.startRtmpsListener("127.0.0.1:0"));
        try (TestCaller caller = TestCaller.start("rtmps://127.0.0.1:" + rtmps + "/live/cam", TestCaller.Action.CONNECT, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.FAILED, s.state());
            assertTrue(s.message().startsWith("TLS with 127.0.0.1:" + rtmps + " failed: "), s.message());
            assertTrue(s.message().endsWith("(for a test server with a self-signed certificate add ?tls_verify=0)"), s.message());
        }
        try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + port + "/live/cam", 30)) {
            awaitPublished("live/cam");
            try (TestCaller caller = TestCaller.start("rtmps://127.0.0.1:" + rtmps + "/live/cam?tls_verify=0",
                    TestCaller.Action.RECEIVE, null, null)) {
                assertReceivesTestSource(caller);
            }
        }
    }

    @Test
    void nobodyListeningIsAConnectionRefused() throws Exception {
        int port = FreePort.tcp();
        try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live", TestCaller.Action.CONNECT, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.FAILED, s.state());
            assertEquals("cannot connect to 127.0.0.1:" + port + ": Connection refused", s.message());
        }
    }

    @Test
    void nginxRtmpPlaysAPublishedStreamAndRefusesAnUnknownOne() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir, "nginx", FreePort.tcp())) {
            try (TestCaller caller = TestCaller.start(nginx.url("live/nobody"), TestCaller.Action.RECEIVE, null, null)) {
                TestCaller.Status s = awaitEnd(caller);
                assertEquals(TestCaller.State.REJECTED, s.state(), s.message());
                assertEquals("NetStream.Play.StreamNotFound", s.rejectName());
                assertEquals("refused play: NetStream.Play.StreamNotFound — No such stream", s.message());
            }
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", nginx.url("live/cam"), 30)) {
                Thread.sleep(1500); // nginx has no API to ask; ffmpeg connects and publishes within a second
                try (TestCaller caller = TestCaller.start(nginx.url("live/cam"), TestCaller.Action.RECEIVE, null, null)) {
                    assertReceivesTestSource(caller);
                }
            }
        }
    }

    private void awaitPublished(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.sampleStats().streams().stream().anyMatch(s -> s.key().equals(key) && s.bitrateIn() > 0)) return;
            Thread.sleep(100);
        }
        fail(key + " was not published: " + engine.sampleStats().streams());
    }
}
