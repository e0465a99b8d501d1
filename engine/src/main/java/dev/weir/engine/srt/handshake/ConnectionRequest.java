package dev.weir.engine.srt.handshake;

import java.net.InetSocketAddress;

/**
 * A caller's conclusion as the listener's application sees it before accepting (gosrt's {@code ConnRequest},
 * libsrt's listen callback).
 *
 * @param peer             the caller's address
 * @param streamId         the stream id it sent, "" for none
 * @param handshakeVersion 4 or 5
 * @param peerSrtVersion   the caller's SRT version word (0 for HSv4)
 * @param encrypted        whether the caller sent key material (has a passphrase)
 */
public record ConnectionRequest(InetSocketAddress peer, String streamId, int handshakeVersion, int peerSrtVersion,
                                boolean encrypted) {
}
