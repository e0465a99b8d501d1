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

/**
 * Fuzz targets for handshake parsing and the state machines: a hostile datagram (with a valid SYN cookie patched
 * in, so it reaches the conclusion logic) must never make the listener or caller throw; extension parsing refuses
 * only with {@link MalformedPacketException}.
 */
class HandshakeFuzzTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    private static final SynCookies COOKIES = new SynCookies(new byte[32]);

    @FuzzTest
    void conclusionExtensions(byte[] datagram) {
        HandshakePacket packet = decodeHandshake(datagram);
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

    @FuzzTest
    void listenerSurvivesAnyHandshake(byte[] datagram) {
        HandshakePacket packet = decodeHandshake(datagram);
        if (packet == null) {
            return;
        }
        HandshakePacket withCookie = packet.withCookie(COOKIES.cookie(PEER, 0));
        HandshakeConfig config = HandshakeConfig.defaults().withPassphrase(Passphrase.of("fuzz-passphrase"), false);
        ListenerHandshake listener = new ListenerHandshake(config, AcceptPolicy.acceptAll(), COOKIES, () -> 1, 0);
        List<HandshakeAction> actions = listener.onHandshake(withCookie, PEER, 0);
        assertNotNull(actions);
        // A repeat gets an answer from memory, never a second connection.
        long connections = listener.onHandshake(withCookie, PEER, 1).stream()
                .filter(HandshakeAction.Connected.class::isInstance).count();
        if (connections != 0) {
            throw new AssertionError("a repeated conclusion made a second connection");
        }
    }

    @FuzzTest
    void callerSurvivesAnyAnswer(byte[] datagram) {
        HandshakePacket packet = decodeHandshake(datagram);
        if (packet == null) {
            return;
        }
        CallerHandshake caller = new CallerHandshake(HandshakeConfig.defaults()
                .withPassphrase(Passphrase.of("fuzz-passphrase"), true), PEER, packet.destinationSocketId(), 1,
                new SecureRandom(new byte[] {1}), 0);
        caller.start(0);
        // Answer the induction with a well-formed response, then feed the fuzzed packet as the conclusion answer.
        caller.onHandshake(new HandshakePacket(5, 0, ExtensionFlags.HSV5_MAGIC, 1, 1500, 8192,
                HandshakeType.INDUCTION, 0, 99, new byte[16], List.of(), 0, packet.destinationSocketId()), 1);
        assertNotNull(caller.onHandshake(packet, 2));
    }

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

    private static HandshakePacket decodeHandshake(byte[] datagram) {
        try {
            SrtPacket p = PacketCodec.decode(datagram, 0, datagram.length);
            return p instanceof HandshakePacket h ? h : null;
        } catch (MalformedPacketException e) {
            return null;
        }
    }
}
