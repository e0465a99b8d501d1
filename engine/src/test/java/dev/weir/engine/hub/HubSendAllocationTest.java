package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code Publication.send} must stay cheap however many players watch: no per-player copy of a body and no
 * per-player allocation. Measured with the JVM's per-thread allocation counter (bytes, not time), so the
 * assertion does not depend on machine speed.
 */
class HubSendAllocationTest {
    private static final StreamKey KEY = new StreamKey("live", "alloc");

    @Test
    void sendAllocatesTheSameForOneAndForAHundredPlayers() throws Exception {
        long one = bytesPerSend(1);
        long hundred = bytesPerSend(100);
        // One shared event per message; players add nothing but their (amortized, reused) queue slots.
        assertTrue(hundred <= one + 16, "per send: " + one + " bytes with 1 player, " + hundred + " with 100");
        assertTrue(hundred < 128, "per send with 100 players: " + hundred + " bytes");
    }

    private static long bytesPerSend(int players) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        requireAllocationCounting(threads);
        InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS);
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < players; i++) subs.add(hub.play(KEY, new PeerInfo("p" + i, Protocol.RTMP, "127.0.0.1:" + i)));
        Publication pub = hub.publish(KEY, new PeerInfo("pub", Protocol.RTMP, "127.0.0.1:0"));
        pub.send(TestMedia.avcSequenceHeader(0));
        MediaMessage[] gop = new MediaMessage[50];
        gop[0] = TestMedia.keyframe(0, 5000);
        for (int i = 1; i < gop.length; i++) gop[i] = TestMedia.interFrame(i * 40L, 800);

        long measured = 0;
        int sends = 0;
        long thread = Thread.currentThread().threadId();
        for (int round = 0; round < 40; round++) { // the first rounds warm up the JIT and the queues
            for (MediaMessage m : gop) {
                long before = threads.getThreadAllocatedBytes(thread);
                pub.send(m);
                long after = threads.getThreadAllocatedBytes(thread);
                if (round >= 20) {
                    measured += after - before;
                    sends++;
                }
            }
            for (Subscription s : subs) {
                while (s.next(Duration.ZERO) != null) {
                    // drain: a reading player keeps its queue short
                }
            }
        }
        pub.close();
        return measured / sends;
    }

    private static void requireAllocationCounting(com.sun.management.ThreadMXBean threads) {
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
    }
}
