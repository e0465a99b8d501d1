package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hub with real threads: one publisher sending as fast as it can, several players reading on their own
 * threads. Asserts only what holds under any scheduling: order, skips land on keyframes, and every message is
 * either delivered or counted as dropped.
 */
class HubThreadingTest {
    private static final StreamKey KEY = new StreamKey("live", "threads");
    private static final int GOPS = 200;
    private static final int FRAMES_PER_GOP = 50;
    private static final int FRAME_MS = 40;

    @Test
    void playersWithRoomForEverythingReceiveEverythingInOrder() throws Exception {
        long[][] results = run(64L * 1024 * 1024, 3);
        for (long[] r : results) {
            assertEquals(1 + GOPS * FRAMES_PER_GOP, r[0], "received");
            assertEquals(0, r[1], "dropped");
        }
    }

    @Test
    void playersThatFallBehindSkipToKeyframesAndCountEveryDroppedMessage() throws Exception {
        long[][] results = run(64 * 1024, Integer.MAX_VALUE);
        for (long[] r : results) {
            assertEquals(1 + GOPS * FRAMES_PER_GOP, r[0] + r[1], "received + dropped");
        }
    }

    /** Runs three players against one publisher; returns {received, dropped} per player. */
    private static long[][] run(long queueBytes, int maxSkips) throws Exception {
        Limits l = Limits.DEFAULTS;
        Limits limits = new Limits(l.maxConnections(), l.maxIncomingChunkSize(), l.maxMessageSize(), l.maxChunkStreams(),
                l.handshakeTimeout(), l.idleTimeout(), queueBytes, maxSkips);
        InMemoryStreamHub hub = new InMemoryStreamHub(limits, GopCacheLimits.DEFAULTS, System::nanoTime);
        List<Subscription> players = new ArrayList<>();
        for (int i = 0; i < 3; i++) players.add(hub.play(KEY, peer(i)));

        ExecutorService threads = Executors.newFixedThreadPool(players.size(), r -> new Thread(r, "hub-test-player"));
        try {
            List<Future<Long>> received = new ArrayList<>();
            for (Subscription s : players) received.add(threads.submit(() -> readUntilUnpublished(s)));

            Publication pub = hub.publish(KEY, peer(100));
            pub.send(TestMedia.avcSequenceHeader(0));
            long ts = 0;
            for (int gop = 0; gop < GOPS; gop++) {
                pub.send(TestMedia.keyframe(ts, 2000));
                for (int f = 1; f < FRAMES_PER_GOP; f++) pub.send(TestMedia.interFrame(ts += FRAME_MS, 500));
                ts += FRAME_MS;
            }
            pub.close();

            long[][] out = new long[players.size()][];
            for (int i = 0; i < players.size(); i++) {
                out[i] = new long[] {received.get(i).get(60, TimeUnit.SECONDS), players.get(i).droppedMessages()};
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads until Unpublished and returns the media received. Fails on disorder or a skip that lands mid-GOP. */
    private static long readUntilUnpublished(Subscription s) throws InterruptedException {
        long received = 0;
        long lastTimestamp = -1;
        while (true) {
            PlayerEvent e = s.next(Duration.ofSeconds(30));
            assertNotNull(e, "publisher went silent");
            switch (e) {
                case PlayerEvent.Media m -> {
                    received++;
                    byte[] body = m.message().body();
                    long t = m.message().timestamp();
                    if (body[1] == 0) {
                        assertEquals(1, received, "the sequence header comes before any frame");
                    } else if (lastTimestamp < 0 || t != lastTimestamp + FRAME_MS) {
                        assertEquals(0x17, body[0], "after a gap (at " + t + " ms) the player resumes at a keyframe");
                    }
                    if (body[1] != 0) {
                        assertTrue(t > lastTimestamp, "media in order");
                        lastTimestamp = t;
                    }
                }
                case PlayerEvent.Unpublished u -> {
                    return received;
                }
                case PlayerEvent.Published p -> assertEquals(0, received);
                case PlayerEvent.Disconnected d -> fail("a reading player was cut off: " + d.reason());
            }
        }
    }

    private static PeerInfo peer(int n) {
        return new PeerInfo("rtmp-" + n, Protocol.RTMP, "127.0.0.1:" + (50000 + n));
    }
}
