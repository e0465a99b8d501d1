package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The steady-state data path allocates nothing per packet: 100 000 packets at 100 Mbit/s through a sender and a
 * receiver connection joined back to back ({@link SteadyStateLink}: encode, decode into a reused holder, encrypt and
 * decrypt in place, pooled buffers, ACK/ACKACK, TSBPD delivery), measured with the JVM's per-thread allocation
 * counter. A measured quantity, not a time. What is left is control packets (a full ACK and its ACKACK every 10 ms, a
 * light ACK every 64 packets), which stay records: about 7 bytes per data packet, where the path used to allocate
 * a payload array and a record on each side plus about 1.4 KB per packet in the JDK's CTR cipher on each side (see
 * docs/performance.md).
 */
class SteadyStateAllocationTest {

    private static final int PACKETS_PER_SECOND = 10_000;   // 1316-byte payloads: about 105 Mbit/s
    private static final int WARM_UP = 30_000;               // fills the pools, the ACK history, and the JIT
    private static final int MEASURED = 100_000;
    /** Bytes per data packet allowed for the control records that remain (a 1316-byte payload copy would be 1332). */
    private static final double ALLOWED_BYTES_PER_PACKET = 16;

    @ParameterizedTest(name = "encrypted={0}")
    @ValueSource(booleans = {false, true})
    void steadyStateAllocatesNothingPerPacket(boolean encrypted) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        SteadyStateLink link = new SteadyStateLink(encrypted, PACKETS_PER_SECOND);
        for (int i = 0; i < WARM_UP; i++) {
            link.sendOne();
        }
        long deliveredBefore = link.delivered();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            link.sendOne();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long delivered = link.delivered() - deliveredBefore;

        double perPacket = (double) allocated / MEASURED;
        System.out.printf("steady state, encrypted=%s: %d bytes allocated for %d packets = %.2f bytes/packet%n",
                encrypted, allocated, MEASURED, perPacket);
        // The link really carried the traffic: every message delivered in order, TSBPD keeping ~120 ms in flight.
        assertEquals(0, link.outOfOrder(), "messages delivered out of order");
        assertTrue(delivered >= MEASURED - 2 * PACKETS_PER_SECOND / 5 && delivered <= MEASURED + 2_000,
                "delivered " + delivered + " of " + MEASURED);
        assertEquals(0, link.receiver().counters().pktRcvLoss, "losses on a lossless link");
        assertTrue(perPacket < ALLOWED_BYTES_PER_PACKET, String.format(
                "%.2f bytes allocated per packet on the steady-state path (allowed %.0f)", perPacket,
                ALLOWED_BYTES_PER_PACKET));
    }
}
