package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtCounters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sender and receiver joined by a simulated lossy link, in virtual time (1 ms steps): seconds of traffic take
 * milliseconds to run. Properties: with latency well above the RTT, random loss in both directions loses nothing,
 * delivery is in order without duplicates, across the 31-bit sequence wrap; with latency too small for the loss,
 * packets are dropped and counted, never delivered out of order.
 */
class LiveLinkSimulationTest {

    private static final long MS = 1000;

    private record InFlight(long due, long order, SrtPacket packet, boolean toReceiver) {
    }

    private static final class Link {
        final Random random;
        final double lossPercent;
        final long oneWayMicros;
        final PriorityQueue<InFlight> queue = new PriorityQueue<>(
                (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
        long order;
        long now;

        Link(long seed, double lossPercent, long oneWayMicros) {
            this.random = new Random(seed);
            this.lossPercent = lossPercent;
            this.oneWayMicros = oneWayMicros;
        }

        void send(SrtPacket p, boolean toReceiver) {
            if (random.nextDouble() * 100 < lossPercent) {
                return;
            }
            queue.add(new InFlight(now + oneWayMicros + random.nextInt(2000), order++, p, toReceiver));
        }
    }

    private record Result(List<Integer> delivered, SrtCounters senderCounters, SrtCounters receiverCounters) {
    }

    private static Result run(long seed, int initialSeq, double lossPercent, long latencyMicros, int packets) {
        Link link = new Link(seed, lossPercent, 10 * MS);
        SrtCounters sc = new SrtCounters();
        SrtCounters rc = new SrtCounters();
        List<Integer> delivered = new ArrayList<>();
        SrtSender sender = new SrtSender(new SrtSender.Config(initialSeq, 2, 0, latencyMicros, true, 0, 25600, 8192,
                1316), sc, p -> link.send(p, true),
                new LiveCongestionControl(-1, 0, 0, 25, 1316, new InputRateEstimator()), new InputRateEstimator());
        // The sender's clock started 0; the first packet reaches the receiver ~10 ms later.
        SrtReceiver receiver = new SrtReceiver(new SrtReceiver.Config(initialSeq, 1, 0, 10 * MS, latencyMicros, true,
                true, 0, 8192, true, 1316, 0), rc, p -> link.send(p, false),
                p -> delivered.add(ByteBuffer.wrap(p.payload()).getInt()));
        long end = (packets + 3000L) * MS;
        for (long now = 0; now <= end; now += MS) {
            link.now = now;
            while (!link.queue.isEmpty() && link.queue.peek().due <= now) {
                InFlight f = link.queue.poll();
                switch (f.packet) {
                    case DataPacket d when f.toReceiver -> receiver.onData(d, now);
                    case DropRequestPacket d -> receiver.onDropRequest(d, now);
                    case AckAckPacket a -> receiver.onAckAck(a, now);
                    case AckPacket a -> sender.onAck(a, now);
                    case NakPacket n -> sender.onNak(n, now);
                    default -> throw new AssertionError("unexpected " + f.packet);
                }
            }
            if (now < packets * MS) {
                byte[] payload = ByteBuffer.allocate(188).putInt((int) (now / MS)).array();
                sender.submit(payload, KeyFlags.NONE, now);
            }
            sender.tick(now);
            receiver.tick(now);
        }
        return new Result(delivered, sc, rc);
    }

    @Test
    void randomLossBothWaysIsFullyRecoveredWhenLatencyIsWellAboveRtt() {
        Random seeds = new Random(42);
        for (int round = 0; round < 12; round++) {
            int initialSeq = round % 2 == 0 ? SeqNo.MAX - seeds.nextInt(1500) : seeds.nextInt(SeqNo.MAX);
            Result r = run(seeds.nextLong(), initialSeq, 10, 200 * MS, 2000);
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < 2000; k++) {
                expected.add(k);
            }
            assertEquals(expected, r.delivered(), "round " + round + " from seq " + initialSeq);
            assertEquals(0, r.receiverCounters().pktRcvDrop);
            assertTrue(r.receiverCounters().pktRcvLoss > 100, "loss happened and was recovered");
            assertTrue(r.senderCounters().pktRetrans >= r.receiverCounters().pktRcvLoss,
                    "every loss needed a retransmission");
        }
    }

    @Test
    void heavyLossWithTinyLatencyDropsButNeverReorders() {
        Result r = run(7, SeqNo.MAX - 100, 30, 25 * MS, 2000);
        List<Integer> d = r.delivered();
        for (int k = 1; k < d.size(); k++) {
            assertTrue(d.get(k) > d.get(k - 1), "in order at " + k);
        }
        assertTrue(r.receiverCounters().pktRcvDrop > 0, "some packets could not be recovered in 25 ms");
        assertEquals(2000, d.size() + r.receiverCounters().pktRcvDrop, "every packet delivered or counted dropped");
    }
}
