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

/** Post-handshake extension packets (HSv4 HSREQ, in-band KMREQ) are refused only with {@link MalformedPacketException}. */
class PostHandshakeFuzzTest {

    @FuzzTest
    void postHandshakeExtensions(byte[] datagram) {
        SrtPacket packet;
        try {
            packet = PacketCodec.decode(datagram, 0, datagram.length);
        } catch (MalformedPacketException e) {
            return;
        }
        if (!(packet instanceof UserDefinedPacket ext)) {
            return;
        }
        try {
            assertNotNull(LegacySrtHandshake.answerHsReq(ext, HandshakeConfig.defaults(), 1, 0).hsrsp());
        } catch (MalformedPacketException refused) {
            // fine
        }
        try {
            assertNotNull(KeyMaterialExchange.answerKmReq(ext, null, Passphrase.of("fuzz-passphrase"), 1, 0).kmrsp());
        } catch (MalformedPacketException refused) {
            // fine
        }
    }
}
