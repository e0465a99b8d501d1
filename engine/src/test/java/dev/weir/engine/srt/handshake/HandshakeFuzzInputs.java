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

/** Shared inputs of the handshake fuzz targets (one target per class: Jazzer fuzzes one per JVM). */
final class HandshakeFuzzInputs {
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    static final SynCookies COOKIES = new SynCookies(new byte[32]);

    private HandshakeFuzzInputs() {}

    /** The datagram as a handshake packet, or {@code null} when it is something else or malformed. */
    static HandshakePacket decodeHandshake(byte[] datagram) {
        try {
            SrtPacket p = PacketCodec.decode(datagram, 0, datagram.length);
            return p instanceof HandshakePacket h ? h : null;
        } catch (MalformedPacketException e) {
            return null;
        }
    }
}
