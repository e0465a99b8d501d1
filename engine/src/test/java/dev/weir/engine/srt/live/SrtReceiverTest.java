package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.PacketPosition;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtCounters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receiver fed exact packet sequences and times (µs); every ACK, NAK, delivery and drop is asserted. Packet k
 * carries timestamp k ms; the peer's clock started at local time 0, so with 120 ms latency packet k plays at
 * (k + 120) ms.
 */
class SrtReceiverTest {

    private static final int PEER = 0x1234;
    private static final long MS = 1000;

    private final List<SrtPacket> sent = new ArrayList<>();
    private final List<DataPacket> delivered = new ArrayList<>();
    private final SrtCounters counters = new SrtCounters();

    private SrtReceiver receiver(int initialSeq, boolean tlpktdrop, boolean nakreport, int lossMaxTtl) {
        return new SrtReceiver(new SrtReceiver.Config(initialSeq, PEER, 0, 0, 120 * MS, tlpktdrop, nakreport,
                lossMaxTtl, 8192, true, 1316, 0), counters, sent::add, Delivery.asRecords(delivered::add));
    }

    private static DataPacket data(int seq, int tsMs, boolean retransmitted) {
        return new DataPacket(seq, PacketPosition.SOLO, false, KeyFlags.NONE, retransmitted, 1, tsMs * 1000, 7,
                new byte[] {(byte) seq});
    }

    private <T> List<T> sentOfType(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<Integer> deliveredSeqs() {
        return delivered.stream().map(DataPacket::sequenceNumber).toList();
    }

    @Test
    void deliversEachPacketExactlyAtPeerStartPlusTimestampPlusLatency() {
        SrtReceiver r = receiver(100, true, true, 0);
        for (int k = 0; k < 5; k++) {
            r.onData(data(100 + k, k, false), k * MS + 3 * MS);
        }
        r.tick(120 * MS - 1);
        assertEquals(List.of(), deliveredSeqs());
        r.tick(120 * MS);
        assertEquals(List.of(100), deliveredSeqs());
        r.tick(122 * MS);
        assertEquals(List.of(100, 101, 102), deliveredSeqs());
        assertEquals(123 * MS, r.nextWakeup(122 * MS));
        r.tick(200 * MS);
        assertEquals(List.of(100, 101, 102, 103, 104), deliveredSeqs());
        assertEquals(5, counters.pktRecv);
        assertEquals(0, counters.pktRcvLoss);
    }

    @Test
    void gapIsNakedAtOnceAndRetransmissionIsDeliveredInOrder() {
        SrtReceiver r = receiver(0, true, false, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(3, 3, false), 3 * MS);
        List<NakPacket> naks = sentOfType(NakPacket.class);
        assertEquals(1, naks.size());
        assertEquals(List.of(new SeqRange(1, 2)), naks.get(0).losses());
        assertEquals(PEER, naks.get(0).destinationSocketId());
        assertEquals(2, counters.pktRcvLoss);
        assertEquals(2, r.lossCount());
        r.onData(data(2, 2, true), 10 * MS);
        r.onData(data(1, 1, true), 11 * MS);
        assertEquals(0, r.lossCount());
        assertEquals(2, counters.pktRcvRetrans);
        r.tick(130 * MS);
        assertEquals(List.of(0, 1, 2, 3), deliveredSeqs());
        assertEquals(0, counters.pktRcvDrop);
    }

    @Test
    void periodicNakRepeatsTheWholeListEveryTwentyMillisecondsUntilRecovered() {
        SrtReceiver r = receiver(0, true, true, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 2 * MS);
        r.onData(data(5, 5, false), 5 * MS);
        assertEquals(2, sentOfType(NakPacket.class).size()); // the two immediate NAKs
        r.tick(10 * MS);  // NAK timer started at 0 with 20 ms: not yet
        assertEquals(2, sentOfType(NakPacket.class).size());
        r.tick(20 * MS);
        List<NakPacket> naks = sentOfType(NakPacket.class);
        assertEquals(3, naks.size());
        assertEquals(List.of(new SeqRange(1, 1), new SeqRange(3, 4)), naks.get(2).losses());
        r.tick(39 * MS);
        assertEquals(3, sentOfType(NakPacket.class).size());
        r.tick(40 * MS);
        assertEquals(4, sentOfType(NakPacket.class).size());
        r.onData(data(1, 1, true), 41 * MS);
        r.onData(data(3, 3, true), 41 * MS);
        r.onData(data(4, 4, true), 41 * MS);
        r.tick(60 * MS);
        r.tick(80 * MS);
        assertEquals(4, sentOfType(NakPacket.class).size(), "nothing left to report");
    }

    @Test
    void onceALossHasUsedHalfItsLatencyItsPeriodicNakGoesTwice() {
        SrtReceiver r = receiver(0, true, true, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 2 * MS); // 1 is missing; 2 plays at 122 ms, so 1 is late from 62 ms on
        assertEquals(1, sentOfType(NakPacket.class).size(), "the immediate NAK");
        r.tick(20 * MS);
        r.tick(40 * MS);
        r.tick(60 * MS);
        assertEquals(4, sentOfType(NakPacket.class).size(), "one periodic NAK each while 62 ms or more are left");
        r.tick(80 * MS);
        List<NakPacket> naks = sentOfType(NakPacket.class);
        assertEquals(6, naks.size(), "42 ms left: the NAK goes twice");
        assertEquals(naks.get(4).losses(), naks.get(5).losses());
        assertEquals(List.of(SeqRange.single(1)), naks.get(5).losses());
        assertEquals(6, counters.pktSentNak);
    }

    @Test
    void withoutNakReportOnlyTheImmediateNakIsSent() {
        SrtReceiver r = receiver(0, true, false, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 2 * MS);
        for (long t = 0; t <= 100 * MS; t += MS) {
            r.tick(t);
        }
        assertEquals(1, sentOfType(NakPacket.class).size());
    }

    @Test
    void tooLatePacketsAreDroppedWhenTheNextOneIsDueAndLateArrivalsAreBelated() {
        SrtReceiver r = receiver(0, true, false, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 2 * MS);
        r.tick(121 * MS);
        assertEquals(List.of(0), deliveredSeqs(), "1 is missing and 2 is not due yet");
        r.tick(122 * MS);
        assertEquals(List.of(0, 2), deliveredSeqs());
        assertEquals(1, counters.pktRcvDrop);
        assertEquals(0, r.lossCount(), "dropped packets leave the loss list");
        r.onData(data(1, 1, true), 150 * MS);
        assertEquals(1, counters.pktRcvBelated);
        r.tick(200 * MS);
        assertEquals(List.of(0, 2), deliveredSeqs());
    }

    @Test
    void withoutTooLateDropDeliveryWaitsForTheMissingPacket() {
        SrtReceiver r = receiver(0, false, false, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 2 * MS);
        r.tick(500 * MS);
        assertEquals(List.of(0), deliveredSeqs());
        r.onData(data(1, 1, true), 501 * MS);
        r.tick(501 * MS);
        assertEquals(List.of(0, 1, 2), deliveredSeqs());
        assertEquals(0, counters.pktRcvDrop);
    }

    @Test
    void fullAckEveryTenMillisecondsLightAckEvery64PacketsAndAckAckGivesRtt() {
        SrtReceiver r = receiver(1000, true, true, 0);
        for (int k = 0; k < 70; k++) {
            r.onData(data(1000 + k, 0, false), 0);
        }
        List<AckPacket> acks = sentOfType(AckPacket.class);
        assertEquals(1, acks.size());
        assertEquals(AckPacket.Kind.LIGHT, acks.get(0).kind());
        assertEquals(1064, acks.get(0).lastAcknowledged());
        r.tick(9 * MS);
        assertEquals(1, sentOfType(AckPacket.class).size());
        r.tick(10 * MS);
        acks = sentOfType(AckPacket.class);
        assertEquals(2, acks.size());
        AckPacket full = acks.get(1);
        assertEquals(AckPacket.Kind.FULL, full.kind());
        assertEquals(1, full.ackNumber());
        assertEquals(1070, full.lastAcknowledged());
        assertEquals(100_000, full.rttMicros(), "initial RTT before any ACKACK");
        assertEquals(50_000, full.rttVarianceMicros());
        assertEquals(10_000, full.timestamp());

        r.onAckAck(new AckAckPacket(1, 0, 0), 10 * MS + 40_000);
        assertEquals(40_000, r.rttMicros(), "first sample replaces the initial value");
        assertEquals(20_000, r.rttVarMicros());

        r.tick(20 * MS);
        assertEquals(2, sentOfType(AckPacket.class).size(), "nothing new and the last ACK was acknowledged");
        r.onData(data(1070, 0, false), 21 * MS);
        r.tick(30 * MS);
        AckPacket second = sentOfType(AckPacket.class).get(2);
        assertEquals(2, second.ackNumber());
        assertEquals(1071, second.lastAcknowledged());
        assertEquals(40_000, second.rttMicros());
        r.onAckAck(new AckAckPacket(2, 0, 0), 30 * MS + 48_000);
        // rttVar = (3*20000 + |40000-48000|)/4 = 17000; rtt = (7*40000 + 48000)/8 = 41000
        assertEquals(17_000, r.rttVarMicros());
        assertEquals(41_000, r.rttMicros());
    }

    @Test
    void unacknowledgedAckIsRepeatedOnlyAfterRttPlusFourVariances() {
        SrtReceiver r = receiver(0, true, true, 0);
        r.onData(data(0, 0, false), 0);
        r.tick(10 * MS);
        assertEquals(1, sentOfType(AckPacket.class).size());
        // Initial RTT 100 ms + 4 * 50 ms = 300 ms without ACKACK before the same ACK goes again.
        for (long t = 20 * MS; t < 310 * MS; t += 10 * MS) {
            r.tick(t);
        }
        assertEquals(1, sentOfType(AckPacket.class).size());
        r.tick(310 * MS);
        assertEquals(2, sentOfType(AckPacket.class).size());
    }

    @Test
    void dropRequestStopsWaitingAndAdvancesTheAck() {
        SrtReceiver r = receiver(0, true, true, 0);
        r.onData(data(0, 0, false), 0);
        r.onData(data(4, 4, false), 4 * MS);
        r.onDropRequest(new DropRequestPacket(0, new SeqRange(1, 3), 0, 0), 5 * MS);
        assertEquals(0, r.lossCount());
        assertEquals(5, r.ackSequence());
        assertEquals(3, counters.pktRcvDrop);
        r.tick(124 * MS);
        assertEquals(List.of(0, 4), deliveredSeqs());
    }

    @Test
    void hugeDropRequestOnlyTouchesTheWindow() {
        SrtReceiver r = receiver(1000, true, true, 0);
        r.onData(data(1000, 0, false), 0);
        r.onData(data(1003, 3, false), 0);
        // 2^30 - 1 numbers, most of them before our window: handled in O(window)
        r.onDropRequest(new DropRequestPacket(0, new SeqRange(SeqNo.add(1001, -(1 << 29)), SeqNo.add(1001,
                (1 << 29) - 2)), 0, 0), MS);
        assertEquals(0, r.lossCount());
        // As libsrt's dropMessage: every empty slot of the window inside the range is given up (8192 - 2 held).
        assertEquals(8190, counters.pktRcvDrop);
        assertEquals(SeqNo.add(1000, 8192), r.ackSequence(), "the ACK point moves past everything given up");
    }

    @Test
    void reorderToleranceDelaysTheNakAndReorderedPacketsAvoidIt() {
        SrtReceiver r = receiver(0, true, false, 3);
        r.onData(data(0, 0, false), 0);
        r.onData(data(2, 2, false), 0);     // 1 missing: tolerated for 3 packets
        assertEquals(0, sentOfType(NakPacket.class).size());
        r.onData(data(1, 1, false), 0);     // reordered, not retransmitted: fills the gap silently
        r.onData(data(4, 4, false), 0);     // 3 missing
        r.onData(data(5, 5, false), 0);
        r.onData(data(6, 6, false), 0);
        assertEquals(0, sentOfType(NakPacket.class).size());
        r.onData(data(7, 7, false), 0);     // third packet after the gap: NAK now
        List<NakPacket> naks = sentOfType(NakPacket.class);
        assertEquals(1, naks.size());
        assertEquals(List.of(new SeqRange(3, 3)), naks.get(0).losses());
        assertEquals(2, counters.pktRcvLoss);
    }

    @Test
    void reorderToleranceShrinksAfterFiftyInOrderOrTenEarlyArrivals() {
        SrtReceiver r = receiver(0, true, false, 10);
        assertEquals(10, r.reorderTolerance(), "libsrt starts at lossmaxttl");
        int seq = 0;
        for (int k = 0; k < 51; k++) {
            r.onData(data(seq++, 0, false), 0);
        }
        assertEquals(9, r.reorderTolerance(), "50 in order after the first");
        for (int k = 0; k < 10; k++) {
            r.onData(data(seq + 1, 0, false), 0);  // seq missing: tolerated (TTL 9)
            r.onData(data(seq, 0, false), 0);      // arrives one packet late, TTL 8 left: early
            seq += 2;
        }
        assertEquals(8, r.reorderTolerance(), "ten early arrivals in a row");
        assertEquals(0, sentOfType(NakPacket.class).size(), "no reordered packet was NAKed");
    }

    @Test
    void undecryptablePacketIsCountedAndTreatedAsLost() {
        SrtReceiver r = receiver(0, true, false, 0);
        r.onData(data(0, 0, false), 0);
        r.onUndecryptable(data(1, 1, false), MS);
        assertEquals(1, counters.pktRcvUndecrypt);
        assertEquals(List.of(new SeqRange(1, 1)), sentOfType(NakPacket.class).get(0).losses());
        r.onData(data(1, 1, true), 5 * MS);
        r.tick(121 * MS);
        assertEquals(List.of(0, 1), deliveredSeqs());
    }

    @Test
    void lossDetectionAcrossTheSequenceWrap() {
        int start = SeqNo.MAX - 2;
        SrtReceiver r = receiver(start, true, false, 0);
        r.onData(data(start, 0, false), 0);
        r.onData(data(1, 4, false), 4 * MS); // MAX-1, MAX and 0 missing
        NakPacket nak = sentOfType(NakPacket.class).get(0);
        assertEquals(List.of(new SeqRange(SeqNo.MAX - 1, 0)), nak.losses());
        assertEquals(3, counters.pktRcvLoss);
        r.onData(data(SeqNo.MAX - 1, 1, true), 5 * MS);
        r.onData(data(SeqNo.MAX, 2, true), 5 * MS);
        r.onData(data(0, 3, true), 5 * MS);
        r.tick(200 * MS);
        assertEquals(List.of(start, SeqNo.MAX - 1, SeqNo.MAX, 0, 1), deliveredSeqs());
    }

    @Test
    void driftTracerMovesTheTimeBaseAfterAThousandSamplesBeyondFiveMilliseconds() {
        SrtReceiver r = receiver(0, true, true, 0);
        r.onData(data(0, 0, false), 0);
        long now = 0;
        int acks = 0;
        // The peer's clock runs 8 ms behind ours: ACKACKs stamped t-8ms arrive at t (RTT constant at 2 ms).
        while (acks < 1000) {
            now += 10 * MS;
            r.tick(now);
            List<AckPacket> all = sentOfType(AckPacket.class);
            AckPacket last = all.get(all.size() - 1);
            if (last.ackNumber() == acks + 1) {
                acks++;
                r.onAckAck(new AckAckPacket(last.ackNumber(), (int) (now + 2 * MS - 8 * MS), 0), now + 2 * MS);
                // keep the ACK moving so a new full ACK goes out every 10 ms
                r.onData(data(acks, 0, false), now);
            }
        }
        assertEquals(5_000, r.driftMicros());
        assertEquals(3_000, r.peerStartMicros(), "overdrift of 3 ms moved into the time base");
        assertTrue(acks == 1000);
    }
}
