package dev.weir.engine.srt.handshake;

/**
 * libsrt's internal rejection reasons ({@code SRT_REJ_*}, {@code SRT_REJC_INTERNAL} range 0..999), numbered as in
 * srt.h of libsrt 1.5.x. On the wire a rejection's handshake type is {@code 1000 + code}.
 */
public enum RejectReason {
    UNKNOWN(0, "unknown or erroneous"),
    SYSTEM(1, "system function error"),
    PEER(2, "rejected by peer"),
    RESOURCE(3, "resource allocation problem"),
    ROGUE(4, "incorrect data in handshake"),
    BACKLOG(5, "listener's backlog exceeded"),
    IPE(6, "internal program error"),
    CLOSE(7, "socket is closing"),
    VERSION(8, "peer is older than the minimum version"),
    RDVCOOKIE(9, "rendezvous cookie collision"),
    BADSECRET(10, "wrong passphrase"),
    UNSECURE(11, "passphrase required or unexpected"),
    MESSAGEAPI(12, "stream/message API mismatch"),
    CONGESTION(13, "congestion controller type mismatch"),
    FILTER(14, "packet filter mismatch"),
    GROUP(15, "group settings mismatch"),
    TIMEOUT(16, "connection timeout"),
    CRYPTO(17, "crypto mode mismatch");

    private final int code;
    private final String description;

    RejectReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The reason with this code, or null when the code is outside the known internal range. */
    public static RejectReason ofCode(int code) {
        RejectReason[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
