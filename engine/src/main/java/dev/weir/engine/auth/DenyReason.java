package dev.weir.engine.auth;

/**
 * Why a request was refused. Each reason maps to what the two protocols can tell the peer.
 *
 * <p>RTMP: the session answers the refused {@code publish}/{@code play} with an {@code onStatus} of level
 * {@code error} and the code from {@link #rtmpStatusCode(AccessAction)}, then closes. Like the seed server
 * (go-rtmp) every access refusal is {@code NetStream.Publish.Unauthorized} / {@code NetStream.Play.Unauthorized};
 * ffmpeg and OBS only look at the level ({@code error}) and print the code and description, so one code per
 * action keeps the peer from learning which check failed (a stream key that exists vs. a wrong token).
 * Malformed requests use {@code NetStream.Publish.BadName} / {@code NetStream.Play.Failed}.
 *
 * <p>SRT: the listener rejects the handshake with the code from {@link #srtRejectCode()}; values are libsrt's
 * {@code SRT_REJX_*} from {@code srtcore/access_control.h} (1000 + the HTTP status they mirror). Peers such as
 * srt-live-transmit and ffmpeg print them (e.g. "reject reason: 1401").
 */
public enum DenyReason {
    /** No token offered, but the stream needs one. SRT_REJX_UNAUTHORIZED. */
    TOKEN_MISSING(1401, "token missing"),
    /** A token was offered and is wrong. SRT_REJX_UNAUTHORIZED. */
    TOKEN_INVALID(1401, "invalid credentials"),
    /** The policy has no entry for this stream key. SRT_REJX_FORBIDDEN (not NOTFOUND: keys are not public). */
    STREAM_NOT_ALLOWED(1403, "stream not allowed"),
    /** The auth callback answered with a non-2xx status. SRT_REJX_FORBIDDEN. */
    CALLBACK_REJECTED(1403, "rejected by auth callback"),
    /** The auth callback timed out, failed, or too many calls were in flight. SRT_REJX_ISE. */
    CALLBACK_UNAVAILABLE(1500, "auth callback unavailable"),
    /** The stream id / stream name could not be understood. SRT_REJX_BAD_REQUEST. */
    BAD_REQUEST(1400, "malformed request"),
    /** SRT {@code m=} mode that Weir does not serve (e.g. {@code bidirectional}). SRT_REJX_BAD_MODE. */
    BAD_MODE(1405, "unsupported mode"),
    /** SRT {@code t=} type other than {@code stream} ({@code file}, {@code auth}). SRT_REJX_NOTSUP_MEDIA. */
    UNSUPPORTED_TYPE(1415, "unsupported type"),
    /** The policy itself failed unexpectedly (a bug, not the peer's fault). SRT_REJX_ISE. */
    INTERNAL_ERROR(1500, "internal error"),
    /**
     * A relay publish that went round in a circle or through too many relays ({@link RelayLoopGuard}). SRT 1508:
     * libsrt names no code for it; 1000 + HTTP 508 Loop Detected, by libsrt's own rule for its codes.
     */
    RELAY_LOOP(1508, "relay loop");

    /** libsrt's SRT_REJX_* values used above, by name, for callers that reject for their own reasons. */
    public static final int SRT_REJX_BAD_REQUEST = 1400;
    public static final int SRT_REJX_UNAUTHORIZED = 1401;
    public static final int SRT_REJX_FORBIDDEN = 1403;
    public static final int SRT_REJX_NOTFOUND = 1404;
    public static final int SRT_REJX_BAD_MODE = 1405;
    public static final int SRT_REJX_CONFLICT = 1409;
    public static final int SRT_REJX_NOTSUP_MEDIA = 1415;
    public static final int SRT_REJX_ISE = 1500;
    /** Not in libsrt's list: 1000 + HTTP 508 Loop Detected (see {@link #RELAY_LOOP}). */
    public static final int SRT_REJX_LOOP = 1508;

    private final int srtRejectCode;
    private final String description;

    DenyReason(int srtRejectCode, String description) {
        this.srtRejectCode = srtRejectCode;
        this.description = description;
    }

    /** The SRT handshake rejection code (libsrt SRT_REJX_*). */
    public int srtRejectCode() {
        return srtRejectCode;
    }

    /** The {@code onStatus} code an RTMP session sends for a refused {@code action}. */
    public String rtmpStatusCode(AccessAction action) {
        if (this == RELAY_LOOP) {
            return action == AccessAction.PUBLISH ? "NetStream.Publish.Rejected" : "NetStream.Play.Failed";
        }
        boolean malformed = this == BAD_REQUEST || this == BAD_MODE || this == UNSUPPORTED_TYPE;
        if (action == AccessAction.PUBLISH) {
            return malformed ? "NetStream.Publish.BadName" : "NetStream.Publish.Unauthorized";
        }
        return malformed ? "NetStream.Play.Failed" : "NetStream.Play.Unauthorized";
    }

    /**
     * Short text safe to send to the peer and to log: says which check failed, never a token or a key.
     * RTMP sessions put it in the {@code onStatus} {@code description}.
     */
    public String description() {
        return description;
    }

    /** Lower-case label for metrics and hook events, e.g. {@code token_invalid}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
