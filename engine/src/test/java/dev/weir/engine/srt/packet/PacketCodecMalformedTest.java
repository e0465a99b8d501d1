package dev.weir.engine.srt.packet;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketCodecMalformedTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",                                                        // empty datagram
            "80020000 00000001 00000002",                              // 12 bytes: shorter than a header
            "00000001 c0000001 00000002",                              // data packet shorter than its header
            "00000001 d8000001 00000002 00000003",                     // data packet with KK=11
            "80020000 00000001 00000002 00000003 00000001 00000002",   // ACK of 8 bytes
            "80020000 00000001 00000002 00000003 80000001",            // ACK seq with top bit set
            "80030000 00000000 00000002 00000003",                     // empty NAK
            "80030000 00000000 00000002 00000003 80000005",            // NAK range start without end
            "80030000 00000000 00000002 00000003 80000005 00000002",   // NAK range backwards
            "80030000 00000000 00000002 00000003 80000005 80000007",   // NAK range end with top bit
            "80030000 00000000 00000002 00000003 000005",              // NAK not whole words
            "80070000 00000000 00000002 00000003 00000005",            // drop request short
            "80010000 00000000 00000002 00000003 00000000 00000000",   // keep-alive with 8-byte CIF
            "80000000 00000000 00000002 00000003 00000005",            // handshake shorter than 48 bytes
    })
    void rejectsWithMalformedPacketException(String annotatedHex) {
        byte[] bytes = hex(annotatedHex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> PacketCodec.decode(bytes, 0, bytes.length));
        assertTrue(e.getMessage().length() > 10, "message says what is wrong");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void handshakeExtensionOverrunIsMalformed(int claimedWords) throws Exception {
        byte[] valid = GoldenCapture.load("plain.txt").nth("C>L", 0x8000, 1);  // conclusion with HSREQ and SID
        // Replace the SID block's length (2 words) by a length that overruns or leaves stray bytes.
        byte[] broken = valid.clone();
        int sidLengthAt = 16 + 48 + 4 + 12 + 2;
        broken[sidLengthAt + 1] = (byte) (claimedWords == 1 ? 1 : claimedWords + 1);
        assertThrows(MalformedPacketException.class, () -> PacketCodec.decode(broken, 0, broken.length));
    }
}
