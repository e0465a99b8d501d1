package dev.weir.engine.srt.handshake;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;

/** Conclusion extension parsing (HSREQ/HSRSP, KM, SID, congestion) refuses a hostile handshake only with {@link MalformedPacketException}. */
class HandshakeExtensionsFuzzTest {

    @FuzzTest
    void conclusionExtensions(byte[] datagram) {
        HandshakePacket packet = HandshakeFuzzInputs.decodeHandshake(datagram);
        if (packet == null) {
            return;
        }
        for (boolean response : new boolean[] {false, true}) {
            try {
                assertNotNull(ConclusionExtensions.parse(packet, response).streamId());
            } catch (MalformedPacketException refused) {
                // fine
            }
        }
    }
}
