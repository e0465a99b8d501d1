package dev.weir.engine.stats;

import dev.weir.engine.config.Limits;
import dev.weir.engine.hub.GopCacheLimits;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.weir.engine.media.Golden.bytes;
import static org.junit.jupiter.api.Assertions.*;

/** Rates from counter deltas, driven by a fake clock: no sleeping. */
class StatsSamplerTest {
    private static final long MS = 1_000_000L;
    private static final StreamKey KEY = new StreamKey("live", "stats");

    private final AtomicLong nanos = new AtomicLong(10_000 * MS);
    private final Clock wall = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS, GopCacheLimits.DEFAULTS, nanos::get);
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final List<ListenerSnapshot> listeners = List.of(
            new ListenerSnapshot("rtmp:0.0.0.0:1935", Protocol.RTMP, "0.0.0.0:1935", ListenerState.RUNNING, null, 1, 3, 0));
    private final StatsSampler sampler = new StatsSampler(hub, registry, () -> listeners, nanos::get, wall);

    @Test
    void connectionBitratesComeFromByteCounterDeltas() {
        ConnectionCounters c = new ConnectionCounters("rtmp-1", Protocol.RTMP, "rtmp:0.0.0.0:1935", "127.0.0.1:5000", nanos.get());
        c.role(Role.PUBLISHER);
        c.streamKey("live/stats");
        registry.register(c);
        sampler.sampleNow();
        for (int i = 0; i < 8; i++) {
            nanos.addAndGet(250 * MS);
            c.addBytesIn(125_000);   // 500 kB/s = 4 Mbit/s
            c.addBytesOut(1_250);    // 40 kbit/s
            sampler.sampleNow();
        }
        c.addDroppedMessages(3);
        ConnectionSnapshot s = sampler.sampleNow().connections().getFirst();
        assertEquals("rtmp-1", s.id());
        assertEquals(Role.PUBLISHER, s.role());
        assertEquals("live/stats", s.streamKey());
        assertEquals(1_000_000, s.bytesIn());
        assertEquals(4_000_000, s.bitrateIn());
        assertEquals(40_000, s.bitrateOut());
        assertEquals(3, s.droppedMessages());
        assertEquals(Duration.ofSeconds(2), s.uptime());

        registry.unregister(c);
        assertTrue(sampler.sampleNow().connections().isEmpty(), "closed connections leave the snapshot");
    }

    @Test
    void streamBitrateFpsAndMediaInfo() throws Exception {
        Publication pub = hub.publish(KEY, new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:5000"));
        Subscription player = hub.play(KEY, new PeerInfo("rtmp-2", Protocol.RTMP, "127.0.0.1:5001"));
        pub.send(new MediaMessage(MediaMessage.Kind.DATA, 0, bytes("flv/h264_high_640x360.onMetaData.bin")));
        pub.send(new MediaMessage(MediaMessage.Kind.VIDEO, 0, bytes("flv/h264_high_640x360.video-sequence-header.bin")));
        pub.send(new MediaMessage(MediaMessage.Kind.AUDIO, 0, bytes("flv/h264_high_640x360.audio-sequence-header.bin")));
        byte[] key = bytes("flv/h264_high_640x360.keyframe-first64.bin");
        byte[] inter = bytes("flv/h264_high_640x360.inter-frame.bin");
        sampler.sampleNow();
        long[] bytesPerTick = new long[8];
        int frame = 0;
        StreamSnapshot s = null;
        for (int tick = 0; tick < 8; tick++) {
            nanos.addAndGet(250 * MS);
            for (int f = 0; f < 6; f++, frame++) { // 6 frames per 250 ms = 24 fps, a keyframe every second
                byte[] body = frame % 24 == 0 ? key : inter;
                pub.send(new MediaMessage(MediaMessage.Kind.VIDEO, frame * 1000L / 24, body));
                bytesPerTick[tick] += body.length;
            }
            for (PlayerEvent e; (e = player.next(Duration.ZERO)) != null; ) assertNotNull(e);
            s = sampler.sampleNow().streams().getFirst();
        }
        long lastSecond = bytesPerTick[4] + bytesPerTick[5] + bytesPerTick[6] + bytesPerTick[7];
        assertEquals(lastSecond * 8, s.bitrateIn(), "bytes of the last four ticks, in bits per second");
        assertEquals(1.0, s.keyframeIntervalSec());
        assertEquals("live/stats", s.key());
        assertEquals(24.0, s.video().fps(), 1e-9);
        assertEquals(s.bitrateIn(), s.bitrateOut(), "the one player took everything");
        assertEquals(1, s.players());
        assertEquals("H264", s.video().codec());
        assertEquals("High", s.video().profile());
        assertEquals("3.0", s.video().level());
        assertEquals(640, s.video().width());
        assertEquals(360, s.video().height());
        assertEquals(new AudioInfo("AAC", "LC", 44100, 1), s.audio());
        assertEquals(Duration.ofSeconds(2), s.uptime());
    }

    @Test
    void aSlowPlayersDropsShowOnItsConnection() throws Exception {
        Limits l = Limits.DEFAULTS;
        Limits small = new Limits(l.maxConnections(), l.maxIncomingChunkSize(), l.maxMessageSize(), l.maxChunkStreams(),
                l.handshakeTimeout(), l.idleTimeout(), 1000, 100);
        InMemoryStreamHub smallHub = new InMemoryStreamHub(small, GopCacheLimits.DEFAULTS, nanos::get);
        StatsSampler s = new StatsSampler(smallHub, registry, List::of, nanos::get, wall);
        ConnectionCounters c = new ConnectionCounters("rtmp-7", Protocol.RTMP, "rtmp:0.0.0.0:1935", "127.0.0.1:5007", nanos.get());
        c.role(Role.PLAYER);
        c.addDroppedMessages(2); // whatever the session counted itself
        registry.register(c);
        Subscription player = smallHub.play(KEY, new PeerInfo("rtmp-7", Protocol.RTMP, "127.0.0.1:5007"));
        Publication pub = smallHub.publish(KEY, new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:5000"));
        byte[] inter = bytes("flv/h264_high_640x360.inter-frame.bin"); // 645 bytes: the second one overflows 1000
        pub.send(new MediaMessage(MediaMessage.Kind.VIDEO, 0, bytes("flv/h264_high_640x360.keyframe-first64.bin")));
        for (int i = 1; i <= 3; i++) pub.send(new MediaMessage(MediaMessage.Kind.VIDEO, i * 40L, inter));
        assertTrue(player.droppedMessages() > 0);
        assertEquals(2 + player.droppedMessages(), s.sampleNow().connections().getFirst().droppedMessages());
    }

    @Test
    void snapshotCarriesListenersAndTimeAndIsPublishedForPulling() {
        assertSame(EngineSnapshot.EMPTY, sampler.snapshot(), "nothing sampled yet");
        EngineSnapshot s = sampler.sampleNow();
        assertSame(s, sampler.snapshot());
        assertEquals(Instant.parse("2026-11-21T06:00:00Z"), s.takenAt());
        assertEquals(listeners, s.listeners());
    }

    @Test
    void runningSamplerPublishesOnANamedDaemonThread() throws Exception {
        try (StatsSampler running = new StatsSampler(hub, registry, () -> listeners, System::nanoTime, Clock.systemUTC())) {
            running.start(Duration.ofMillis(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (running.snapshot() == EngineSnapshot.EMPTY && System.nanoTime() < deadline) Thread.onSpinWait();
            assertNotSame(EngineSnapshot.EMPTY, running.snapshot());
            Thread t = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().equals("weir-stats-sampler")).findFirst().orElseThrow();
            assertTrue(t.isDaemon());
        }
    }
}
