package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;

/**
 * The extension blocks of an HSv5 conclusion, interpreted. Unknown block types are skipped (libsrt does the same),
 * the first block of each known type wins.
 *
 * @param srt        HSREQ (in a request) or HSRSP (in a response), or null when absent
 * @param kmreq      raw KMREQ content, or null
 * @param kmrsp      raw KMRSP content, or null
 * @param streamId   the stream id, "" when absent
 * @param congestion the congestion controller name, "live" when absent (libsrt's default)
 * @param hasFilter  a packet filter (FEC) was requested
 * @param hasGroup   bonding group membership was requested
 */
public record ConclusionExtensions(SrtHandshakeExtension srt, byte[] kmreq, byte[] kmrsp, String streamId,
                                   String congestion, boolean hasFilter, boolean hasGroup) {

    public static final String LIVE_CONGESTION = "live";

    public static ConclusionExtensions parse(HandshakePacket packet, boolean response)
            throws MalformedPacketException {
        HandshakeExtensionBlock srt = packet.extension(response ? HandshakeExtensionBlock.HSRSP
                : HandshakeExtensionBlock.HSREQ);
        HandshakeExtensionBlock kmreq = packet.extension(HandshakeExtensionBlock.KMREQ);
        HandshakeExtensionBlock kmrsp = packet.extension(HandshakeExtensionBlock.KMRSP);
        HandshakeExtensionBlock sid = packet.extension(HandshakeExtensionBlock.SID);
        HandshakeExtensionBlock congestion = packet.extension(HandshakeExtensionBlock.CONGESTION);
        return new ConclusionExtensions(
                srt == null ? null : SrtHandshakeExtension.decode(srt.content()),
                kmreq == null ? null : kmreq.content(),
                kmrsp == null ? null : kmrsp.content(),
                sid == null ? "" : WordSwappedString.decode(sid.content(), WordSwappedString.MAX_STREAM_ID_BYTES),
                congestion == null ? LIVE_CONGESTION : WordSwappedString.decode(congestion.content(), 64),
                packet.extension(HandshakeExtensionBlock.FILTER) != null,
                packet.extension(HandshakeExtensionBlock.GROUP) != null);
    }
}
