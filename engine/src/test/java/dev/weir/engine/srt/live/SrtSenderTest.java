package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtCounters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender fed submissions, ACKs and NAKs at exact times (µs); every packet it sends is asserted. */
class SrtSenderTest {

    private static final int PEER = 0x4321;
    private static final long MS = 1000;

    private final List<SrtPacket> sent = new ArrayList<>();
    private final SrtCounters counters = new SrtCounters();

    private SrtSender sender(int initialSeq, long maxBw, int fc, int sndDropDelayMs) {
        LiveCongestionControl cc = new LiveCongestionControl(maxBw, 0, 0, 25, 1316, new InputRateEstimator());
        return new SrtSender(new SrtSender.Config(initialSeq, PEER, 0, 120 * MS, true, sndDropDelayMs, fc, 8192, 1316),
                counters, sent::add, cc, new InputRateEstimator());
    }

    private List<DataPacket> data() {
        return sent.stream().filter(DataPacket.class::isInstance).map(DataPacket.class::cast).toList();
    }

    private List<Integer> dataSeqs() {
        return data().stream().map(DataPacket::sequenceNumber).toList();
    }

    private static AckPacket fullAck(int ackNo, int seq, int rtt, int rttVar, int available) {
        return AckPacket.full(ackNo, seq, rtt, rttVar, available, 100, 1000, 100_000, 0, 0);
    }

    @Test
    void sendsSubmittedPacketsWithTimestampsAndMessageNumbers() {
        SrtSender s = sender(5, -1, 25600, 0);
        s.submit(new byte[] {1}, KeyFlags.NONE, 1 * MS);
        s.submit(new byte[] {2}, KeyFlags.NONE, 2 * MS);
        s.tick(3 * MS);
        List<DataPacket> d = data();
        assertEquals(List.of(5, 6), dataSeqs());
        assertEquals(1000, d.get(0).timestamp());
        assertEquals(2000, d.get(1).timestamp());
        assertEquals(1, d.get(0).messageNumber());
        assertEquals(2, d.get(1).messageNumber());
        assertEquals(PEER, d.get(0).destinationSocketId());
        assertFalse(d.get(0).retransmitted());
        assertEquals(2, s.flightSize());
        assertEquals(2, counters.pktSent);
    }

    @Test
    void fullAckReleasesTheBufferAndIsAnsweredWithAckAckLightAckIsNot() {
        SrtSender s = sender(0, -1, 25600, 0);
        for (int k = 0; k < 4; k++) {
            s.submit(new byte[10], KeyFlags.NONE, 0);
        }
        s.tick(MS);
        s.onAck(AckPacket.light(2, 0, 0), MS);
        assertEquals(2, s.bufferedPackets());
        assertEquals(0, sent.stream().filter(AckAckPacket.class::isInstance).count());
        s.onAck(fullAck(7, 4, 30_000, 5_000, 1000), 2 * MS);
        assertEquals(0, s.bufferedPackets());
        assertEquals(0, s.flightSize());
        AckAckPacket ackack = (AckAckPacket) sent.get(sent.size() - 1);
        assertEquals(7, ackack.ackNumber());
        assertEquals(2000, ackack.timestamp());
        assertEquals(PEER, ackack.destinationSocketId());
        assertEquals(30_000, s.rttMicros());
    }

    @Test
    void nakedPacketsAreRetransmittedFirstWithTheRetransmittedFlag() {
        SrtSender s = sender(0, -1, 25600, 0);
        for (int k = 0; k < 5; k++) {
            s.submit(new byte[] {(byte) k}, KeyFlags.NONE, 0);
        }
        s.tick(MS);
        sent.clear();
        s.submit(new byte[] {9}, KeyFlags.NONE, 2 * MS);
        s.onNak(new NakPacket(List.of(new SeqRange(1, 2), SeqRange.single(4)), 0, 0), 2 * MS);
        s.tick(3 * MS);
        assertEquals(List.of(1, 2, 4, 5), dataSeqs());
        assertTrue(data().get(0).retransmitted());
        assertTrue(data().get(2).retransmitted());
        assertFalse(data().get(3).retransmitted());
        assertEquals(3, counters.pktSndLoss);
        assertEquals(3, counters.pktRetrans);
    }

    @Test
    void repeatedNakWithinSrttMinusFourRttVarDoesNotRetransmitAgain() {
        SrtSender s = sender(0, -1, 25600, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.tick(MS);
        s.onAck(fullAck(1, 0, 90_000, 5_000, 1000), 0); // srtt 90 ms, rttvar 5 ms: 70 ms between copies
        sent.clear();
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 10 * MS);
        s.tick(10 * MS);
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 50 * MS);
        s.tick(50 * MS);
        assertEquals(List.of(0), dataSeqs());
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 91 * MS);
        s.tick(91 * MS);
        assertEquals(List.of(0, 0), dataSeqs());
    }

    @Test
    void fromItsThirdRetransmissionAPacketGoesTwice() {
        SrtSender s = sender(0, -1, 25600, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.tick(MS);
        s.onAck(fullAck(1, 0, 20_000, 1_000, 1000), 0); // copies at least 16 ms apart
        sent.clear();
        long now = 10 * MS;
        for (int nak = 1; nak <= 4; nak++, now += 20 * MS) {
            s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), now);
            s.tick(now);
        }
        assertEquals(List.of(0, 0, 0, 0, 0, 0), dataSeqs(), "once, once, then twice each time");
        assertEquals(6, counters.pktRetrans, "every copy counted");
        assertTrue(data().stream().allMatch(DataPacket::retransmitted));
    }

    @Test
    void aSenderThatOnlySendsTakesThePeersRttAndVarianceAsReported() {
        // libsrt 1.5's unidirectional sender: the receiver's smoothed values as they are, each full ACK.
        SrtSender s = sender(0, -1, 25600, 0);
        s.onAck(fullAck(1, 0, 100_000, 50_000, 1000), 0); // the peer's initial values: ignored
        assertEquals(100_000, s.rttMicros());
        s.onAck(fullAck(2, 0, 30_000, 5_000, 1000), 10 * MS);
        s.onAck(fullAck(3, 0, 22_000, 3_000, 1000), 20 * MS);
        assertEquals(22_000, s.rttMicros());
        assertEquals(3_000, s.rttVarMicros());
    }

    @Test
    void aSenderThatAlsoReceivesSmoothsThePeersReportAgain() {
        SrtSender s = sender(0, -1, 25600, 0);
        counters.pktRecv = 1; // data flows towards us too (libsrt: bidirectional transmission)
        s.onAck(fullAck(2, 0, 30_000, 5_000, 1000), 10 * MS);
        s.onAck(fullAck(3, 0, 22_000, 3_000, 1000), 20 * MS);
        assertEquals(29_000, s.rttMicros());  // 7/8 · 30000 + 1/8 · 22000
        assertEquals(5_750, s.rttVarMicros()); // 3/4 · 5000 + 1/4 · |30000 - 22000|
    }

    @Test
    void withThePeersVarianceTheNextPeriodicNakBringsASecondCopy() {
        // Peer reports SRTT 30 ms, RTTVar 5 ms ten times: SRTT - 4·RTTVar = 10 ms, so a NAK 20 ms after the first
        // retransmission (the receiver's periodic NAK) is answered. Smoothing the reports again would have shrunk
        // RTTVar to ~0.4 ms and the threshold to ~28 ms: that NAK would have been ignored.
        SrtSender s = sender(0, -1, 25600, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.tick(MS);
        for (int k = 1; k <= 10; k++) {
            s.onAck(fullAck(k, 0, 30_000, 5_000, 1000), k * MS);
        }
        sent.clear();
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 20 * MS);
        s.tick(20 * MS);
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 29 * MS);
        s.tick(29 * MS);
        assertEquals(List.of(0), dataSeqs(), "9 ms later is within SRTT - 4·RTTVar");
        s.onNak(new NakPacket(List.of(SeqRange.single(0)), 0, 0), 40 * MS);
        s.tick(40 * MS);
        assertEquals(List.of(0, 0), dataSeqs());
    }

    @Test
    void anUnacknowledgedTailIsProbedWithItsLastPacketOncePerAckTimeout() {
        SrtSender s = sender(0, -1, 25600, 0);
        for (int k = 0; k < 3; k++) {
            s.submit(new byte[] {(byte) k}, KeyFlags.NONE, 0);
        }
        s.tick(MS); // all three go out at 1 ms
        s.onAck(fullAck(1, 1, 20_000, 2_000, 1000), 15 * MS); // 0 arrived; 1 and 2 not (yet)
        sent.clear();
        // ACK timeout = SRTT + 4·RTTVar + 2·10 ms = 48 ms; first probe 48 + 10 = 58 ms after the last new packet.
        assertEquals(59 * MS, s.nextWakeup(20 * MS));
        s.tick(58 * MS);
        assertEquals(List.of(), dataSeqs());
        s.tick(59 * MS);
        assertEquals(List.of(2), dataSeqs());
        assertTrue(data().get(0).retransmitted());
        assertEquals(107 * MS, s.nextWakeup(59 * MS)); // second probe: 1 + 2 · 48 + 10
        s.tick(106 * MS);
        assertEquals(List.of(2), dataSeqs());
        s.tick(107 * MS);
        assertEquals(List.of(2, 2), dataSeqs());
        // The receiver NAKs 1 (revealed by the probe), then acknowledges everything: no more probes.
        s.onNak(new NakPacket(List.of(SeqRange.single(1)), 0, 0), 116 * MS);
        s.tick(116 * MS);
        assertEquals(List.of(2, 2, 1), dataSeqs());
        s.onAck(fullAck(2, 3, 20_000, 2_000, 1000), 130 * MS);
        assertEquals(Long.MAX_VALUE, s.nextWakeup(130 * MS));
        assertEquals(0, counters.pktSndLoss - 1, "probes are not counted as reported losses");
    }

    @Test
    void newDataRestartsTheTailProbeClockAndAFullyAcknowledgedBufferIsNeverProbed() {
        SrtSender s = sender(0, -1, 25600, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.tick(0);
        s.onAck(fullAck(1, 0, 20_000, 2_000, 1000), 10 * MS);
        s.submit(new byte[1], KeyFlags.NONE, 40 * MS);
        s.tick(40 * MS);
        assertEquals(98 * MS, s.nextWakeup(41 * MS)); // 40 + 58
        s.onAck(fullAck(2, 2, 20_000, 2_000, 1000), 60 * MS);
        assertEquals(Long.MAX_VALUE, s.nextWakeup(61 * MS));
        s.tick(200 * MS);
        assertEquals(List.of(0, 1), dataSeqs());
    }

    @Test
    void nakForPacketsNotHeldIsIgnored() {
        SrtSender s = sender(100, -1, 25600, 0);
        s.submit(new byte[1], KeyFlags.NONE, 0);
        s.tick(0);
        s.onAck(AckPacket.light(101, 0, 0), 0);
        sent.clear();
        s.onNak(new NakPacket(List.of(new SeqRange(90, 100), SeqRange.single(500)), 0, 0), MS);
        s.tick(MS);
        assertEquals(List.of(), dataSeqs());
        assertEquals(0, counters.pktSndLoss);
    }

    @Test
    void pacingFollowsMaxBandwidthAndLetsProbePairsGoBackToBack() {
        // 1360 bytes per packet (1316 + 44) at 136000 B/s: one packet every 10 ms.
        SrtSender s = sender(1, 136_000, 25600, 0);
        for (int k = 0; k < 17; k++) {
            s.submit(new byte[1316], KeyFlags.NONE, 0);
        }
        assertEquals(10_000.0, s.packetPeriodMicros(), 0.001);
        s.tick(0);
        assertEquals(List.of(1), dataSeqs());
        s.tick(9 * MS);
        assertEquals(List.of(1), dataSeqs());
        s.tick(10 * MS);
        assertEquals(List.of(1, 2), dataSeqs());
        s.tick(140 * MS);
        assertEquals(15, dataSeqs().size(), "packets 1..15 by t=140ms");
        s.tick(150 * MS);
        assertEquals(List.of(16, 17), dataSeqs().subList(15, 17), "seq 16 is a probe: 17 follows at once");
        // Nothing more to send: idle until the first tail probe, 150 ms + (SRTT + 4·RTTVar + 20 ms) + 10 ms with the
        // initial 100/50 ms (no ACK came), before the oldest packet becomes too late at 1020 ms.
        assertEquals(480 * MS, s.nextWakeup(150 * MS));
    }

    @Test
    void packetsWithinThePacingSlackOfTheirTimeGoOutAtOnceAndTheRateStays() {
        // 1360 bytes (1316 + 44) at 13.6 MB/s: one packet every 100 µs; a packet may leave 250 µs early.
        SrtSender s = sender(1, 13_600_000, 25600, 0);
        for (int k = 0; k < 10; k++) {
            s.submit(new byte[1316], KeyFlags.NONE, 0);
        }
        assertEquals(100.0, s.packetPeriodMicros(), 0.001);
        s.tick(0);
        assertEquals(List.of(1, 2, 3), dataSeqs(), "paced at 0, 100 and 200 µs: all within 250 µs");
        assertEquals(50, s.nextWakeup(0), "the fourth is paced at 300 µs");
        s.tick(50);
        assertEquals(4, dataSeqs().size());
        s.tick(640);
        assertEquals(9, dataSeqs().size(), "paced at 0..800 µs: still one per 100 µs on average");
        assertEquals(650, s.nextWakeup(640));
    }

    @Test
    void flowWindowLimitsPacketsInFlight() {
        SrtSender s = sender(0, -1, 32, 0);
        for (int k = 0; k < 40; k++) {
            s.submit(new byte[1], KeyFlags.NONE, 0);
        }
        s.tick(MS);
        assertEquals(32, dataSeqs().size());
        s.onAck(fullAck(1, 10, 10_000, 1_000, 5), MS);
        s.tick(2 * MS);
        assertEquals(32, dataSeqs().size(), "peer reported only 5 free slots and 22 are in flight");
        s.onAck(fullAck(2, 30, 10_000, 1_000, 1000), 3 * MS);
        s.tick(4 * MS);
        assertEquals(40, dataSeqs().size());
    }

    @Test
    void tooLatePacketsAreDroppedAfterMaxOfLatencyPlusDelayAndOneSecondPlus20msWithDropRequest() {
        SrtSender s = sender(0, -1, 25600, 0);
        s.submit(new byte[5], KeyFlags.NONE, 0);
        s.submit(new byte[5], KeyFlags.NONE, 10 * MS);
        s.submit(new byte[5], KeyFlags.NONE, 30 * MS);
        s.tick(30 * MS);
        s.tick(1020 * MS);
        assertEquals(0, counters.pktSndDrop);
        s.tick(1030 * MS + 1);
        assertEquals(2, counters.pktSndDrop);
        assertEquals(10, counters.byteSndDrop);
        List<DropRequestPacket> drops = sent.stream().filter(DropRequestPacket.class::isInstance)
                .map(DropRequestPacket.class::cast).toList();
        assertEquals(1, drops.size());
        DropRequestPacket drop = drops.get(0);
        assertEquals(new SeqRange(0, 1), drop.range());
        assertEquals(1, drop.messageNumber());
        assertEquals(1, s.bufferedPackets());
    }

    @Test
    void sndDropDelayMinusOneNeverDrops() {
        SrtSender s = sender(0, -1, 25600, -1);
        s.submit(new byte[5], KeyFlags.NONE, 0);
        s.tick(0);
        s.tick(60_000 * MS);
        assertEquals(0, counters.pktSndDrop);
        assertEquals(1, s.bufferedPackets());
    }

    @Test
    void fullBufferRefusesSubmission() {
        LiveCongestionControl cc = new LiveCongestionControl(-1, 0, 0, 25, 1316, new InputRateEstimator());
        SrtSender s = new SrtSender(new SrtSender.Config(0, PEER, 0, 120 * MS, true, 0, 25600, 32, 1316), counters,
                sent::add, cc, new InputRateEstimator());
        for (int k = 0; k < 32; k++) {
            assertTrue(s.submit(new byte[1], KeyFlags.NONE, 0));
        }
        assertFalse(s.submit(new byte[1], KeyFlags.NONE, 0));
    }
}
