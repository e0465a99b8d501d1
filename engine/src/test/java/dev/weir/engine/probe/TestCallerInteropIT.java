package dev.weir.engine.probe;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The built-in caller against a real engine on loopback: the exact reject reasons (wrong passphrase, unknown stream,
 * nobody listening), the test clip sent over SRT and RTMP arriving as a stream with its codecs, and a received
 * stream's codecs. The clip is made by ffmpeg, as the console's bundled one was.
 */
class TestCallerInteropIT {
    private static final String PASSPHRASE = "correct horse battery";
    @TempDir
    static Path dir;
    private static FlvClip clip;
    private WeirEngine engine;

    @BeforeAll
    static void makeClip() throws Exception {
        Path flv = dir.resolve("clip.flv");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100:duration=2",
                "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-shortest", "-f", "flv", flv.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg made the clip in time");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        try (InputStream in = Files.newInputStream(flv)) {
            clip = FlvClip.read(in);
        }
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private int startEngine(SrtSettings srt) throws Exception {
        engine = StandardListeners.engine(EngineConfig.DEFAULTS.withSrt(srt)
                .withRecording(new dev.weir.engine.config.RecordingSettings(dir.resolve("rec").toString(), false)));
        String id = engine.startSrtListener("127.0.0.1:0");
        return Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
    }

    private static TestCaller.Status awaitEnd(TestCaller caller) throws InterruptedException {
        assertTrue(caller.await(Duration.ofSeconds(10)), "the call ended");
        return caller.status();
    }

    @Test
    void wrongPassphraseIsRefusedWithBadSecret() throws Exception {
        int port = startEngine(new SrtSettings(null, 120, PASSPHRASE, 16));
        try (TestCaller caller = TestCaller.start("srt://127.0.0.1:" + port
                + "?streamid=publish:live/x&passphrase=not-the-right-one", TestCaller.Action.CONNECT, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.REJECTED, s.state());
            assertEquals("BADSECRET", s.rejectName(), s.message());
            assertFalse(s.message().contains("not-the-right-one"), "the passphrase is never shown");
        }
        assertTrue(engine.sampleStats().listeners().getFirst().rejected() >= 1, "the listener counted the refusal");
    }

    @Test
    void playingAStreamNobodyPublishesIsRefusedWith1404() throws Exception {
        int port = startEngine(SrtSettings.DEFAULTS);
        try (TestCaller caller = TestCaller.start("srt://127.0.0.1:" + port + "?streamid=live/nobody",
                TestCaller.Action.RECEIVE, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.REJECTED, s.state());
            assertEquals("1404", s.rejectName(), s.message());
        }
    }

    @Test
    void nobodyListeningTimesOut() throws Exception {
        int port;
        try (java.net.DatagramSocket free = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (TestCaller caller = TestCaller.start("srt://127.0.0.1:" + port + "?conntimeo=800",
                TestCaller.Action.CONNECT, null, null)) {
            TestCaller.Status s = awaitEnd(caller);
            assertEquals(TestCaller.State.REJECTED, s.state(), s.message());
            assertEquals("TIMEOUT", s.rejectName());
        }
    }

    @Test
    void testStreamOverSrtArrivesWithItsCodecsAndCanBeReceivedBack() throws Exception {
        int port = startEngine(new SrtSettings(null, 120, PASSPHRASE, 32));
        try (TestCaller sender = TestCaller.start("srt://127.0.0.1:" + port + "?passphrase=" + PASSPHRASE.replace(" ", "%20")
                        + "&pbkeylen=32", TestCaller.Action.SEND_TEST_STREAM, clip, null)) {
            StreamSnapshot s = awaitStream(st -> st.key().equals(TestCaller.DEFAULT_TEST_KEY)
                    && st.video() != null && "H264".equals(st.video().codec()) && st.bitrateIn() > 0);
            assertEquals(Protocol.SRT, s.protocol());
            assertEquals(320, s.video().width());
            assertEquals("AAC", s.audio().codec());
            TestCaller.Status sending = sender.status();
            assertEquals(TestCaller.State.CONNECTED, sending.state(), sending.message());
            assertNotNull(sending.srt(), "SRT statistics while connected");
            assertTrue(sending.srt().keys().encrypted());
            assertEquals(32, sending.srt().keys().keyLength());

            try (TestCaller receiver = TestCaller.start("srt://127.0.0.1:" + port + "?streamid=" + TestCaller.DEFAULT_TEST_KEY
                    + "&passphrase=" + PASSPHRASE.replace(" ", "%20") + "&pbkeylen=32", TestCaller.Action.RECEIVE, null, null)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (receiver.status().codecs() == null && System.nanoTime() < deadline) Thread.sleep(100);
                TestCaller.Status r = receiver.status();
                assertEquals(TestCaller.State.CONNECTED, r.state(), r.message());
                assertNotNull(r.codecs(), "codecs named from the received program map");
                assertTrue(r.codecs().contains("H264") && r.codecs().contains("AAC"), r.codecs());
                assertTrue(r.bytesReceived() > 0);
            }
        }
    }

    @Test
    void testStreamOverRtmpArrives() throws Exception {
        startEngine(SrtSettings.DEFAULTS);
        String id = engine.startRtmpListener("127.0.0.1:0");
        int port = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
        try (TestCaller sender = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/probe",
                TestCaller.Action.SEND_TEST_STREAM, clip, null)) {
            StreamSnapshot s = awaitStream(st -> st.key().equals("live/probe") && st.video() != null
                    && "H264".equals(st.video().codec()) && st.bitrateIn() > 0);
            assertEquals(Protocol.RTMP, s.protocol());
            Thread.sleep(2500);
            assertTrue(sender.status().loops() >= 1, "the clip looped");
            assertEquals(TestCaller.State.CONNECTED, sender.status().state(), "still publishing after a loop");
        }
    }

    @Test
    void aUrlItCannotUseIsRefusedBeforeCalling() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestCaller.start("http://example/x", TestCaller.Action.CONNECT, null, null));
        assertTrue(e.getMessage().contains("srt://"));
        e = assertThrows(IllegalArgumentException.class,
                () -> TestCaller.start("srt://127.0.0.1:9?passphrase=short", TestCaller.Action.CONNECT, null, null));
        assertFalse(e.getMessage().contains("short"), e.getMessage());
    }

    private StreamSnapshot awaitStream(Predicate<StreamSnapshot> ok) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            EngineSnapshot snap = engine.sampleStats();
            for (StreamSnapshot s : snap.streams()) if (ok.test(s)) return s;
            Thread.sleep(200);
        }
        fail("stream did not appear: " + engine.sampleStats().streams());
        return null;
    }
}
