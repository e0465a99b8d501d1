package dev.weir.engine.srt.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the datagram decoder: any input may be refused, but only with {@link MalformedPacketException};
 * whatever decodes must re-encode to a datagram that decodes to the same packet. Seeds: srt-live-transmit captures.
 */
class PacketCodecFuzzTest {

    @FuzzTest
    void anyDatagram(byte[] datagram) {
        SrtPacket packet;
        try {
            packet = PacketCodec.decode(datagram, 0, datagram.length);
        } catch (MalformedPacketException refused) {
            return;
        }
        byte[] again = packet.toBytes();
        assertEquals(packet.encodedLength(), again.length);
        try {
            assertEquals(packet, PacketCodec.decode(again, 0, again.length));
        } catch (MalformedPacketException e) {
            throw new AssertionError("our own encoding of " + packet + " does not decode: " + e.getMessage(), e);
        }
    }
}
