package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.StreamKeys;
import java.net.InetSocketAddress;

/**
 * What a completed handshake agreed: everything the live sender/receiver of this connection need.
 *
 * @param handshakeVersion      4 (pre-1.3 peer: latency and keys follow in UMSG_EXT packets) or 5
 * @param localSocketId         this side's socket id (peers put it in the destination field)
 * @param peerSocketId          the peer's socket id (our destination field)
 * @param peer                  the peer's UDP address
 * @param initialSequenceNumber first data sequence number, both directions (HSv5 listeners adopt the caller's)
 * @param mss                   the smaller of both sides' MSS
 * @param peerFlowWindow        the peer's flow window in packets
 * @param receiveLatencyMs      TSBPD delay for packets we receive
 * @param sendLatencyMs         TSBPD delay the peer applies to packets we send (drives too-late drop)
 * @param peerSrtVersion        the peer's SRT version word (0 for HSv4 before its HSREQ arrives)
 * @param peerFlags             the peer's {@link SrtFlags}
 * @param streamId              the caller's stream id, or "" when none
 * @param kmState               this side's key material state
 * @param keys                  stream keys for both directions when secured, else null
 * @param connectedAtMicros     when the handshake completed, on the injected clock
 */
public record NegotiatedConnection(int handshakeVersion, int localSocketId, int peerSocketId, InetSocketAddress peer,
                                   int initialSequenceNumber, int mss, int peerFlowWindow, int receiveLatencyMs,
                                   int sendLatencyMs, int peerSrtVersion, int peerFlags, String streamId,
                                   KmState kmState, StreamKeys keys, long connectedAtMicros) {

    public boolean encrypted() {
        return keys != null;
    }
}
