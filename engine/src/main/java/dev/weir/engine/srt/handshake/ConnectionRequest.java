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

    /**
     * The stream id as it may be logged: stream ids carry tokens ({@code live/a?token=...}, {@code s=...}), so
     * anything after a {@code ?} is cut and the access-control syntax keeps only its {@code r} and {@code m} keys.
     */
    public String streamIdForLog() {
        return redactStreamId(streamId);
    }

    /** See {@link #streamIdForLog()}. */
    public static String redactStreamId(String streamId) {
        if (streamId == null) return "";
        if (streamId.startsWith("#!::")) {
            StringBuilder b = new StringBuilder("#!::");
            for (String item : streamId.substring(4).split(",")) {
                if (item.startsWith("r=") || item.startsWith("m=")) {
                    int q = item.indexOf('?');
                    if (b.length() > 4) b.append(',');
                    b.append(q < 0 ? item : item.substring(0, q) + "?***");
                }
            }
            return b.toString();
        }
        int q = streamId.indexOf('?');
        return q < 0 ? streamId : streamId.substring(0, q) + "?***";
    }
}
