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

/** A hostile handshake (with a valid SYN cookie patched in, so it reaches the conclusion logic) never makes the listener throw, and a repeat never makes a second connection. */
class ListenerHandshakeFuzzTest {

    @FuzzTest
    void listenerSurvivesAnyHandshake(byte[] datagram) {
        HandshakePacket packet = HandshakeFuzzInputs.decodeHandshake(datagram);
        if (packet == null) {
            return;
        }
        HandshakePacket withCookie = packet.withCookie(HandshakeFuzzInputs.COOKIES.cookie(HandshakeFuzzInputs.PEER, 0));
        HandshakeConfig config = HandshakeConfig.defaults().withPassphrase(Passphrase.of("fuzz-passphrase"), false);
        ListenerHandshake listener = new ListenerHandshake(config, AcceptPolicy.acceptAll(), HandshakeFuzzInputs.COOKIES, () -> 1, 0);
        List<HandshakeAction> actions = listener.onHandshake(withCookie, HandshakeFuzzInputs.PEER, 0);
        assertNotNull(actions);
        // A repeat gets an answer from memory, never a second connection.
        long connections = listener.onHandshake(withCookie, HandshakeFuzzInputs.PEER, 1).stream()
                .filter(HandshakeAction.Connected.class::isInstance).count();
        if (connections != 0) {
            throw new AssertionError("a repeated conclusion made a second connection");
        }
    }
}
