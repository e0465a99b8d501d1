package dev.weir.engine.srt.handshake;

/**
 * Key material state of one side ({@code SRT_KM_STATE}); a KMRSP that is not an echo of the KMREQ carries one of
 * these as a single 32-bit word, <em>little-endian</em> on the wire: libsrt treats KM content as already in
 * network order and byte-swaps it, so NOSECRET travels as {@code 03 00 00 00} (seen from srt-live-transmit 1.5.1).
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
        return new byte[] {(byte) code, 0, 0, 0};
    }

    /**
     * The state in a one-word KMRSP: little-endian as libsrt sends it; a big-endian small value is accepted too.
     * Unknown values give null.
     */
    static KmState ofKmrspWord(byte[] word) {
        int littleEndian = (word[0] & 0xFF) | (word[1] & 0xFF) << 8 | (word[2] & 0xFF) << 16 | (word[3] & 0xFF) << 24;
        KmState s = ofCode(littleEndian);
        if (s != null) {
            return s;
        }
        int bigEndian = Integer.reverseBytes(littleEndian);
        return ofCode(bigEndian);
    }
}
