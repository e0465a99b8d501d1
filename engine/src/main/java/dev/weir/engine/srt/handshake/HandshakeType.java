package dev.weir.engine.srt.handshake;

/**
 * Values of the handshake's "Handshake Type" field. Rejections are {@code 1000 + reason code} (see
 * {@link RejectCode}); libsrt calls that range URQ_FAILURE_TYPES.
 */
public final class HandshakeType {

    public static final int INDUCTION = 1;
    public static final int WAVE_A_HAND = 0;
    public static final int CONCLUSION = -1;
    public static final int AGREEMENT = -2;
    /** Rendezvous only. */
    public static final int DONE = -3;
    /** First rejection value: {@code 1000 + SRT_REJ_UNKNOWN}. */
    public static final int FAILURE_BASE = 1000;

    private HandshakeType() {
    }

    public static boolean isRejection(int type) {
        return type >= FAILURE_BASE;
    }

    public static String describe(int type) {
        return switch (type) {
            case INDUCTION -> "induction";
            case WAVE_A_HAND -> "wave-a-hand";
            case CONCLUSION -> "conclusion";
            case AGREEMENT -> "agreement";
            case DONE -> "done";
            default -> isRejection(type) ? "rejection " + RejectCode.fromHandshakeType(type) : "type " + type;
        };
    }
}
