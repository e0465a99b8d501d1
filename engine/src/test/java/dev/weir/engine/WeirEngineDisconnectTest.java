package dev.weir.engine;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.probe.FlvClip;
import dev.weir.engine.probe.TestCaller;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@link WeirEngine#disconnect}: the operator ends one RTMP or SRT connection; the others keep running. */
class WeirEngineDisconnectTest {
    @TempDir
    Path dir;
    private WeirEngine engine;

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private void start() {
        engine = StandardListeners.engine(EngineConfig.DEFAULTS.withRecording(new RecordingSettings(dir.toString(), false)));
    }

    private Optional<ConnectionSnapshot> connection(Protocol p) {
        return engine.sampleStats().connections().stream().filter(c -> c.protocol() == p).findFirst();
    }

    private ConnectionSnapshot await(Protocol p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ConnectionSnapshot> c = connection(p);
            if (c.isPresent()) return c.get();
            Thread.sleep(50);
        }
        return fail("no " + p + " connection appeared");
    }

    private void awaitGone(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.sampleStats().connections().stream().noneMatch(c -> c.id().equals(id))) return;
            Thread.sleep(50);
        }
        fail(id + " still open after disconnect");
    }

    @Test
    void disconnectsAnSrtCaller() throws Exception {
        start();
        String listener = engine.startSrtListener("127.0.0.1:0");
        String port = listener.substring(listener.lastIndexOf(':') + 1);
        try (TestCaller caller = TestCaller.start("srt://127.0.0.1:" + port + "?streamid=publish:live/d",
                TestCaller.Action.CONNECT, null, null)) {
            ConnectionSnapshot c = await(Protocol.SRT);
            assertTrue(engine.disconnect(c.id()));
            awaitGone(c.id());
            assertTrue(caller.await(Duration.ofSeconds(10)), "the caller saw the connection end");
            assertEquals(TestCaller.State.CLOSED, caller.status().state(), caller.status().message());
        }
    }

    @Test
    void disconnectsAnRtmpPublisher() throws Exception {
        start();
        String listener = engine.startRtmpListener("127.0.0.1:0");
        String port = listener.substring(listener.lastIndexOf(':') + 1);
        FlvClip clip = FlvClip.read(new ByteArrayInputStream(tinyFlv()));
        try (TestCaller caller = TestCaller.start("rtmp://127.0.0.1:" + port + "/live/d",
                TestCaller.Action.SEND_TEST_STREAM, clip, null)) {
            ConnectionSnapshot c = await(Protocol.RTMP);
            assertTrue(engine.disconnect(c.id()));
            awaitGone(c.id());
        }
    }

    @Test
    void unknownIdsAreReportedNotThrown() {
        start();
        assertFalse(engine.disconnect("rtmp-999999"));
        assertFalse(engine.disconnect(null));
    }

    /** An FLV file of one script tag, so the RTMP session publishes and then idles. */
    private static byte[] tinyFlv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0});
        byte[] body = {2, 0, 4, 't', 'e', 's', 't', 5};   // AMF0 string "test", null
        out.writeBytes(new byte[] {18, 0, 0, (byte) body.length, 0, 0, 0, 0, 0, 0, 0});
        out.writeBytes(body);
        out.writeBytes(new byte[] {0, 0, 0, (byte) (11 + body.length)});
        return out.toByteArray();
    }
}
