package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.HandshakePacket;
import java.net.InetSocketAddress;

/** What a handshake state machine asks its owner (the multiplexer) to do. */
public sealed interface HandshakeAction {

    /** Send this handshake packet to that address. */
    record Send(HandshakePacket packet, InetSocketAddress to) implements HandshakeAction {
    }

    /** The handshake completed: start a connection with these parameters. */
    record Connected(NegotiatedConnection connection) implements HandshakeAction {
    }

    /**
     * The handshake failed: rejected by the peer (a caller receiving a rejection), by us (a caller refusing the
     * listener's answer), or timed out. {@code detail} is operator-readable.
     */
    record Failed(RejectCode code, String detail) implements HandshakeAction {
    }
}
