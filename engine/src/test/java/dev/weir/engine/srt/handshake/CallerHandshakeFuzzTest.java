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

/** A hostile answer to the caller's conclusion never makes the caller throw. */
class CallerHandshakeFuzzTest {

    @FuzzTest
    void callerSurvivesAnyAnswer(byte[] datagram) {
        HandshakePacket packet = HandshakeFuzzInputs.decodeHandshake(datagram);
        if (packet == null) {
            return;
        }
        CallerHandshake caller = new CallerHandshake(HandshakeConfig.defaults()
                .withPassphrase(Passphrase.of("fuzz-passphrase"), true), HandshakeFuzzInputs.PEER, packet.destinationSocketId(), 1,
                new SecureRandom(new byte[] {1}), 0);
        caller.start(0);
        // Answer the induction with a well-formed response, then feed the fuzzed packet as the conclusion answer.
        caller.onHandshake(new HandshakePacket(5, 0, ExtensionFlags.HSV5_MAGIC, 1, 1500, 8192,
                HandshakeType.INDUCTION, 0, 99, new byte[16], List.of(), 0, packet.destinationSocketId()), 1);
        assertNotNull(caller.onHandshake(packet, 2));
    }
}
