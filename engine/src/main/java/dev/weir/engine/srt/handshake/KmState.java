package dev.weir.engine.srt.handshake;

/**
 * Key material state of one side ({@code SRT_KM_STATE}); a KMRSP that is not an echo of the KMREQ carries one of
 * these as a single 32-bit word.
 */
public enum KmState {
    UNSECURED(0), SECURING(1), SECURED(2), NOSECRET(3), BADSECRET(4);

    private final int code;

    KmState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static KmState ofCode(int code) {
        for (KmState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    byte[] toKmrspWord() {
        return new byte[] {0, 0, 0, (byte) code};
    }
}
