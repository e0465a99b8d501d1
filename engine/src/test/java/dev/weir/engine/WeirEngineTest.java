package dev.weir.engine;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The facade against a tiny real TCP listener: real binds, real "port in use". */
class WeirEngineTest {
    private final List<TcpTestListener> made = new ArrayList<>();
    private final WeirEngine engine = WeirEngine.builder(EngineConfig.DEFAULTS)
            .listenerFactory(Protocol.RTMP, (address, context) -> {
                assertNotNull(context.hub());
                assertNotNull(context.connections());
                TcpTestListener l = new TcpTestListener(address, context);
                made.add(l);
                return l;
            })
            .clocks(System::nanoTime, Clock.systemUTC())
            .samplePeriod(null)
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    private ListenerSnapshot listener(String id) {
        return engine.sampleStats().listeners().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void startStopRestart() throws Exception {
        String id = engine.startRtmpListener("127.0.0.1:0");
        int port = made.getLast().port();
        assertTrue(port > 0);
        assertEquals("rtmp:127.0.0.1:" + port, id, "a port-0 listener is known by the port it got");
        assertEquals(ListenerState.RUNNING, listener(id).state());
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertEquals(-1, client.getInputStream().read(), "accepted, then closed by the listener");
            assertEquals("127.0.0.1:" + port, listener(id).address(), "the bound address once running");
        }
        assertEquals(1, engine.listenerSnapshots().size());

        engine.stopListener(id);
        ListenerSnapshot stopped = listener(id);
        assertEquals(ListenerState.STOPPED, stopped.state());
        assertNull(stopped.lastError());
        assertThrows(java.io.IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "the socket is closed");

        engine.restartListener(id);
        assertEquals(ListenerState.RUNNING, listener(id).state());
        assertEquals(2, made.size(), "a restart makes a fresh listener");
        assertEquals(port, made.getLast().port(), "on the same port");
        engine.stopListener("no-such-id"); // ignored
    }

    @Test
    void portInUseFailsWithTheReasonAndCanBeRestartedWhenFree() throws Exception {
        String id;
        int port;
        try (ServerSocket blocker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = blocker.getLocalPort();
            ListenerException e = assertThrows(ListenerException.class, () -> engine.startRtmpListener("127.0.0.1:" + port));
            assertTrue(e.getMessage().startsWith("port " + port + " is already in use"), e.getMessage());
            id = "rtmp:127.0.0.1:" + port;
            ListenerSnapshot failed = listener(id);
            assertEquals(ListenerState.FAILED, failed.state());
            assertEquals(e.getMessage(), failed.lastError());
        }
        engine.restartListener(id);
        ListenerSnapshot running = listener(id);
        assertEquals(ListenerState.RUNNING, running.state());
        assertNull(running.lastError());
        ListenerException twice = assertThrows(ListenerException.class, () -> engine.startRtmpListener("127.0.0.1:" + port));
        assertTrue(twice.getMessage().contains("already listening"), twice.getMessage());
    }

    @Test
    void addressNotOnThisMachine() {
        ListenerException e = assertThrows(ListenerException.class, () -> engine.startRtmpListener("10.9.9.9:1935"));
        assertTrue(e.getMessage().startsWith("address 10.9.9.9 is not on this machine"), e.getMessage());
        assertEquals(ListenerState.FAILED, listener("rtmp:10.9.9.9:1935").state());
        assertTrue(made.isEmpty(), "refused before a listener was made");
    }

    @Test
    void badAddressTextAndMissingProtocolSayWhatToDo() {
        ListenerException noPort = assertThrows(ListenerException.class, () -> engine.startRtmpListener("1935"));
        assertTrue(noPort.getMessage().contains("has no port"), noPort.getMessage());
        ListenerException srt = assertThrows(ListenerException.class, () -> engine.startListener(Protocol.SRT, ":9000"));
        assertEquals("SRT listeners are not available in this build", srt.getMessage());
        assertEquals(ListenerState.FAILED, listener("srt:0.0.0.0:9000").state());
    }

    @Test
    void listenerThatThrowsAtStartIsFailedNotLost() {
        try (WeirEngine broken = WeirEngine.builder(EngineConfig.DEFAULTS).samplePeriod(null)
                .listenerFactory(Protocol.RTMP, (address, context) -> { throw new IllegalStateException("boom"); })
                .build()) {
            ListenerException e = assertThrows(ListenerException.class, () -> broken.startRtmpListener("127.0.0.1:0"));
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
            assertEquals(ListenerState.FAILED, broken.sampleStats().listeners().getFirst().state());
        }
    }

    @Test
    void closeStopsListenersAndRefusesNewOnes() throws Exception {
        String id = engine.startRtmpListener("127.0.0.1:0");
        int port = made.getLast().port();
        engine.close();
        engine.close(); // idempotent
        assertThrows(java.io.IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertEquals(ListenerState.STOPPED, engine.listenerSnapshots().getFirst().state());
        assertThrows(ListenerException.class, () -> engine.startRtmpListener("127.0.0.1:0"));
        assertEquals(id, engine.listenerSnapshots().getFirst().id());
    }

    @Test
    void aListenerThatFailedWhileRunningShowsItAndCanBeStartedAgain() throws Exception {
        String id = engine.startRtmpListener("127.0.0.1:0");
        int port = made.getLast().port();
        made.getLast().brokenWhileRunning = true;
        ListenerSnapshot broken = listener(id);
        assertEquals(ListenerState.FAILED, broken.state());
        assertEquals("accept failed", broken.lastError());
        assertEquals(id, engine.startRtmpListener("127.0.0.1:" + port), "starting it again replaces the broken one");
        assertEquals(ListenerState.RUNNING, listener(id).state());
        assertEquals(2, made.size());
    }

    @Test
    void twoPortZeroRequestsAreTwoListeners() throws Exception {
        String a = engine.startRtmpListener("127.0.0.1:0");
        String b = engine.startRtmpListener("127.0.0.1:0");
        assertNotEquals(a, b);
        assertEquals(2, engine.listenerSnapshots().size());
    }

    @Test
    void removeForgetsAListener() throws Exception {
        String id = engine.startRtmpListener("127.0.0.1:0");
        engine.removeListener(id);
        assertTrue(engine.listenerSnapshots().isEmpty());
    }

    @Test
    void hubStreamsShowInTheSnapshot() throws Exception {
        Publication pub = engine.hub().publish(new StreamKey("live", "x"), new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:1"));
        assertEquals("live/x", engine.sampleStats().streams().getFirst().key());
        assertSame(engine.sampleStats().getClass(), engine.snapshot().getClass());
        pub.close();
        assertTrue(engine.sampleStats().streams().isEmpty());
    }

    @Test
    void defaultEngineSamplesOnItsOwn() {
        try (WeirEngine plain = new WeirEngine(EngineConfig.DEFAULTS)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (plain.snapshot().takenAt().equals(java.time.Instant.EPOCH) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertNotEquals(java.time.Instant.EPOCH, plain.snapshot().takenAt());
            ListenerException e = assertThrows(ListenerException.class, () -> plain.startRtmpListener(":0"));
            assertTrue(e.getMessage().contains("not available"), e.getMessage());
        }
    }
}
