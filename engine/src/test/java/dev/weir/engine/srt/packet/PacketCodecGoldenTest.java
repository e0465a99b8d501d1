package dev.weir.engine.srt.packet;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Decodes real srt-live-transmit 1.5.1 datagrams (golden/srt/*.txt) and hand-annotated spec layouts. */
class PacketCodecGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain.txt", "crypt.txt", "lossy.txt", "badpass.txt", "range.txt"})
    void everyCapturedDatagramDecodesAndReEncodesToTheSameBytes(String capture) throws Exception {
        List<GoldenCapture.Datagram> all = GoldenCapture.load(capture).delivered();
        assertTrue(all.size() >= 8, "capture has datagrams");
        for (GoldenCapture.Datagram d : all) {
            SrtPacket p = PacketCodec.decode(d.bytes(), 0, d.bytes().length);
            assertFalse(p instanceof UnknownControlPacket, () -> "known kind: " + p);
            assertArrayEquals(d.bytes(), p.toBytes(), () -> "round trip of " + p);
        }
    }

    @Test
    void dataPacketFromSrtLiveTransmit() throws Exception {
        byte[] bytes = GoldenCapture.load("plain.txt").nthData("C>L", 1);
        // 548ec932 seq | c0000002: PP=11 solo, O=0, KK=00, R=0, msg 2 | 00116 31a timestamp | 25737437 dest
        DataPacket p = assertInstanceOf(DataPacket.class, PacketCodec.decode(bytes, 0, bytes.length));
        assertEquals(0x548ec932, p.sequenceNumber());
        assertEquals(PacketPosition.SOLO, p.position());
        assertFalse(p.inOrder());
        assertEquals(KeyFlags.NONE, p.key());
        assertFalse(p.retransmitted());
        assertEquals(2, p.messageNumber());
        assertEquals(0x0011631a, p.timestamp());
        assertEquals(0x25737437, p.destinationSocketId());
        assertEquals(1316, p.payload().length);
        assertEquals(0x47, p.payload()[0]);
        assertEquals(1, p.payload()[1]);        // the test feed's datagram #1
        assertEquals(0, p.payload()[200]);
    }

    @Test
    void retransmittedPacketCarriesTheRFlag() throws Exception {
        GoldenCapture lossy = GoldenCapture.load("lossy.txt");
        // 26dff389 was dropped once by the relay; its second transmission has word1 = c4000003 (R set).
        DataPacket p = (DataPacket) PacketCodec.decode(lossy.nthData("C>L", 3), 0, 1332);
        assertEquals(0x26dff389, p.sequenceNumber());
        assertTrue(p.retransmitted());
        assertEquals(3, p.messageNumber());
    }

    @Test
    void fullAckFromSrtLiveTransmit() throws Exception {
        byte[] bytes = hex("""
                80020000  # control, type 2 ACK
                00000001  # ACK number 1
                0010c1ad  # timestamp
                06da4e41  # destination socket id
                548ec932  # last acknowledged (next expected) seq
                000186a0  # RTT 100000 us (libsrt's initial value)
                0000c350  # RTT variance 50000 us
                00001ffe  # available buffer 8190 packets
                00000001  # packets receiving rate
                000003e8  # estimated link capacity 1000
                000005cc  # receiving rate 1484 bytes/s
                """);
        assertArrayEquals(bytes, GoldenCapture.load("plain.txt").nth("L>C", 0x8002, 0));
        AckPacket ack = (AckPacket) PacketCodec.decode(bytes, 0, bytes.length);
        assertEquals(AckPacket.full(1, 0x548ec932, 100_000, 50_000, 8190, 1, 1000, 1484, 0x0010c1ad, 0x06da4e41),
                ack);
    }

    @Test
    void ackAckKeepAliveAndShutdownFromSrtLiveTransmit() throws Exception {
        GoldenCapture plain = GoldenCapture.load("plain.txt");
        byte[] ackack = plain.nth("C>L", 0x8006, 0);   // 80060000 00000001 0010c48c 25737437 00000000
        assertEquals(new AckAckPacket(1, 0x0010c48c, 0x25737437), PacketCodec.decode(ackack, 0, ackack.length));
        byte[] keepalive = plain.nth("C>L", 0x8001, 0);  // 80010000 00000000 000f5cf1 25737437 00000000
        assertEquals(new KeepAlivePacket(0x000f5cf1, 0x25737437), PacketCodec.decode(keepalive, 0, 20));
        byte[] shutdown = plain.nth("C>L", 0x8005, 0);
        assertInstanceOf(ShutdownPacket.class, PacketCodec.decode(shutdown, 0, shutdown.length));
        assertEquals(20, shutdown.length);
    }

    @Test
    void nakOfOneLostPacketFromSrtLiveTransmit() throws Exception {
        byte[] bytes = GoldenCapture.load("lossy.txt").nth("L>C", 0x8003, 0);
        // 80030000 00000000 0013a7af 259cf898 | 26dff389 (single loss: top bit clear)
        assertArrayEquals(hex("80030000 00000000 0013a7af 259cf898 26dff389"), bytes);
        NakPacket nak = (NakPacket) PacketCodec.decode(bytes, 0, bytes.length);
        assertEquals(List.of(SeqRange.single(0x26dff389)), nak.losses());
    }

    @Test
    void nakOfThreeLostPacketsIsARangeFromSrtLiveTransmit() throws Exception {
        byte[] bytes = GoldenCapture.load("range.txt").nth("L>C", 0x8003, 0);
        assertArrayEquals(hex("""
                80030000 00000000 001620b6 2352a300   # NAK, ts, dest
                b19c8ca7                              # top bit set: range start 0x319c8ca7
                319c8ca9                              # range end
                """), bytes);
        NakPacket nak = (NakPacket) PacketCodec.decode(bytes, 0, bytes.length);
        assertEquals(List.of(new SeqRange(0x319c8ca7, 0x319c8ca9)), nak.losses());
        assertEquals(3, nak.lostPackets());
    }

    @Test
    void nakWithRangesAcrossTheWrap() throws Exception {
        byte[] bytes = hex("""
                80030000 00000000 00000064 0000abcd   # NAK header, ts 100, dest 0xabcd
                00000005                              # single loss 5
                fffffffe 00000001                     # range start 0x7ffffffe (top bit set) .. 1, crossing the wrap
                """);
        NakPacket nak = (NakPacket) PacketCodec.decode(bytes, 0, bytes.length);
        assertEquals(List.of(SeqRange.single(5), new SeqRange(0x7ffffffe, 1)), nak.losses());
        assertEquals(5, nak.lostPackets());
        assertArrayEquals(bytes, nak.toBytes());
    }

    @Test
    void lightAndSmallAck() throws Exception {
        byte[] light = hex("80020000 00000000 00000010 00000020 | 00001234".replace("|", ""));
        assertEquals(AckPacket.light(0x1234, 0x10, 0x20), PacketCodec.decode(light, 0, light.length));
        byte[] small = hex("80020000 00000007 00000010 00000020 00001234 00002710 00001388 00000100");
        AckPacket ack = (AckPacket) PacketCodec.decode(small, 0, small.length);
        assertEquals(AckPacket.Kind.SMALL, ack.kind());
        assertEquals(7, ack.ackNumber());
        assertEquals(10_000, ack.rttMicros());
        assertEquals(5_000, ack.rttVarianceMicros());
        assertEquals(256, ack.availableBufferPackets());
        assertArrayEquals(small, ack.toBytes());
    }

    @Test
    void dropRequestPeerErrorUserDefinedAndUnknown() throws Exception {
        byte[] drop = hex("80070000 0000002a 00000001 00000002 | 00000064 00000068".replace("|", ""));
        assertEquals(new DropRequestPacket(42, new SeqRange(100, 104), 1, 2), PacketCodec.decode(drop, 0, 24));
        byte[] error = hex("80080000 00000fa0 00000001 00000002");
        assertEquals(new PeerErrorPacket(4000, 1, 2), PacketCodec.decode(error, 0, 16));
        byte[] km = hex("ffff0003 00000000 00000001 00000002 12202901");   // UMSG_EXT subtype 3 = KMREQ
        UserDefinedPacket ext = (UserDefinedPacket) PacketCodec.decode(km, 0, km.length);
        assertEquals(UserDefinedPacket.SUBTYPE_KMREQ, ext.subtype());
        assertArrayEquals(hex("12202901"), ext.body());
        byte[] unknown = hex("80420007 00000009 00000001 00000002 deadbeef");
        UnknownControlPacket u = (UnknownControlPacket) PacketCodec.decode(unknown, 0, unknown.length);
        assertEquals(0x42, u.type());
        assertEquals(7, u.subtype());
        assertArrayEquals(unknown, u.toBytes());
        byte[] congestion = hex("80040000 00000000 00000001 00000002");
        assertInstanceOf(CongestionWarningPacket.class, PacketCodec.decode(congestion, 0, 16));
    }

    @Test
    void dataPacketFlagsRoundTrip() throws Exception {
        DataPacket p = new DataPacket(0x7fffffff, PacketPosition.FIRST, true, KeyFlags.ODD, true, 0x03ffffff,
                -1, 0x1234, new byte[] {1, 2, 3});
        byte[] bytes = p.toBytes();
        // 7fffffff | b0 = 10 (first) 1 (in order) ... : 10 1 10 1 = 1011 0111 -> 0xb7ffffff with msg all ones
        assertArrayEquals(hex("7fffffff b7ffffff ffffffff 00001234 010203"), bytes);
        assertEquals(p, PacketCodec.decode(bytes, 0, bytes.length));
    }
}
