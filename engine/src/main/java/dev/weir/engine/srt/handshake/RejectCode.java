package dev.weir.engine.srt.handshake;

/**
 * A connection rejection code as libsrt's API reports it ({@code srt_getrejectreason}), in three ranges:
 * <ul>
 *   <li>0..999 internal ({@link RejectReason}, SRT_REJC_INTERNAL);</li>
 *   <li>1000..1999 predefined application codes (SRT_REJC_PREDEFINED = 1000; 1000 + an HTTP-like status, as in
 *       libsrt's docs/features/access-control.md: 1401 unauthorized, 1403 forbidden, 1404 not found...);</li>
 *   <li>2000+ user-defined (SRT_REJC_USERDEFINED = 2000).</li>
 * </ul>
 * On the wire the handshake type carries {@code 1000 + code}: BADSECRET (10) is 1010, FORBIDDEN (1403) is 2403.
 */
public record RejectCode(int value) {

    public static final int PREDEFINED = 1000;
    public static final int USER_DEFINED = 2000;

    public static final RejectCode FALLBACK = new RejectCode(PREDEFINED);
    public static final RejectCode BAD_REQUEST = new RejectCode(PREDEFINED + 400);
    public static final RejectCode UNAUTHORIZED = new RejectCode(PREDEFINED + 401);
    public static final RejectCode OVERLOAD = new RejectCode(PREDEFINED + 402);
    public static final RejectCode FORBIDDEN = new RejectCode(PREDEFINED + 403);
    public static final RejectCode NOT_FOUND = new RejectCode(PREDEFINED + 404);
    public static final RejectCode BAD_MODE = new RejectCode(PREDEFINED + 405);
    public static final RejectCode UNACCEPTABLE = new RejectCode(PREDEFINED + 406);
    public static final RejectCode CONFLICT = new RejectCode(PREDEFINED + 409);
    public static final RejectCode LOCKED = new RejectCode(PREDEFINED + 423);
    public static final RejectCode INTERNAL_SERVER_ERROR = new RejectCode(PREDEFINED + 500);
    public static final RejectCode UNAVAILABLE = new RejectCode(PREDEFINED + 503);

    public RejectCode {
        if (value < 0 || value > Integer.MAX_VALUE - HandshakeType.FAILURE_BASE) {
            throw new IllegalArgumentException("reject code out of range: " + value);
        }
    }

    public static RejectCode of(RejectReason reason) {
        return new RejectCode(reason.code());
    }

    /** A user-defined code ({@code 2000 + n}). */
    public static RejectCode userDefined(int n) {
        return new RejectCode(USER_DEFINED + n);
    }

    /**
     * Decodes a handshake type field like libsrt's {@code RejectReasonForURQ}: values below 1000 are not rejections,
     * and internal codes this version does not know both give UNKNOWN (0).
     */
    public static RejectCode fromHandshakeType(int type) {
        if (type < HandshakeType.FAILURE_BASE) {
            return new RejectCode(0);
        }
        int code = type - HandshakeType.FAILURE_BASE;
        return new RejectCode(code < PREDEFINED && RejectReason.ofCode(code) == null ? 0 : code);
    }

    public int toHandshakeType() {
        return HandshakeType.FAILURE_BASE + value;
    }

    /** The internal reason, or null for application codes. */
    public RejectReason internalReason() {
        return value < PREDEFINED ? RejectReason.ofCode(value) : null;
    }

    public boolean isInternal() {
        return value < PREDEFINED;
    }

    @Override
    public String toString() {
        RejectReason r = internalReason();
        if (r != null) {
            return value + " (" + r + ": " + r.description() + ")";
        }
        return value < USER_DEFINED ? value + " (application, status " + (value - PREDEFINED) + ")"
                : value + " (user-defined " + (value - USER_DEFINED) + ")";
    }
}
