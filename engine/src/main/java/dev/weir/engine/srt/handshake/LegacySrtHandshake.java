package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.UserDefinedPacket;

/**
 * The SRT part of an HSv4 connection (peers before SRT 1.3): after the UDT-style handshake, the data sender sends
 * its HSREQ in a UMSG_EXT control packet (subtype 1) and the receiver answers with an HSRSP (subtype 2). In HSv4
 * only the low 16 bits of the latency word are used (libsrt's {@code SRT_HS_LATENCY_LEG}): the sender's proposed
 * latency in the HSREQ, the receiver's resulting latency in the HSRSP. I/O-free: the connection layer hands the
 * packet in and sends what comes out.
 */
public final class LegacySrtHandshake {

    private LegacySrtHandshake() {
    }

    /**
     * @param hsrsp            the UMSG_EXT HSRSP to send back
     * @param receiveLatencyMs TSBPD delay to apply to the peer's packets: the larger of ours and its proposal
     * @param peerSrtVersion   the peer's SRT version word
     * @param peerFlags        the peer's {@link SrtFlags}
     */
    public record Answer(UserDefinedPacket hsrsp, int receiveLatencyMs, int peerSrtVersion, int peerFlags) {
    }

    /** Answers an HSv4 peer's UMSG_EXT HSREQ as the receiving side. */
    public static Answer answerHsReq(UserDefinedPacket hsreq, HandshakeConfig config, int peerSocketId,
                                     int timestamp)
            throws MalformedPacketException {
        MalformedPacketException.require(hsreq.subtype() == UserDefinedPacket.SUBTYPE_HSREQ,
                "expected a UMSG_EXT HSREQ (subtype 1), got subtype " + hsreq.subtype());
        SrtHandshakeExtension request = SrtHandshakeExtension.decode(hsreq.body());
        int latency = request.has(SrtFlags.TSBPDSND)
                ? Math.max(config.receiveLatencyMs(), request.senderDelayMs()) : config.receiveLatencyMs();
        int flags = SrtFlags.TSBPDRCV | SrtFlags.TLPKTDROP | SrtFlags.PERIODICNAK
                | (request.has(SrtFlags.REXMITFLG) ? SrtFlags.REXMITFLG : 0);
        // HSv4: the latency travels in the low 16 bits only (SRT_HS_LATENCY_LEG).
        SrtHandshakeExtension response = new SrtHandshakeExtension(SrtHandshakeExtension.WEIR_SRT_VERSION, flags, 0,
                latency);
        UserDefinedPacket hsrsp = new UserDefinedPacket(UserDefinedPacket.SUBTYPE_HSRSP, 0, response.encode(),
                timestamp, peerSocketId);
        return new Answer(hsrsp, latency, request.srtVersion(), request.flags());
    }
}
