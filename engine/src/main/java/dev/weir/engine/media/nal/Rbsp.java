package dev.weir.engine.media.nal;

/**
 * Raw byte sequence payload: a NAL unit's bytes with emulation prevention removed.
 *
 * <p>An encoder may not let {@code 00 00 00}, {@code 00 00 01} or {@code 00 00 02} appear inside a NAL unit (they
 * would look like a start code), so it inserts a {@code 03} after any two zero bytes followed by a byte of 3 or
 * less. Parsing a parameter set must first take those {@code 03}s out again, or every field after one is off
 * by eight bits.
 */
public final class Rbsp {
    private Rbsp() {}

    /** The RBSP of {@code length} NAL bytes at {@code offset} (header included: the caller skips it). */
    public static byte[] fromNal(byte[] nal, int offset, int length) {
        byte[] out = new byte[length];
        int n = 0;
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 0x03) {
                zeros = 0; // the emulation prevention byte itself
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return n == length ? out : java.util.Arrays.copyOf(out, n);
    }

    public static byte[] fromNal(byte[] nal) {
        return fromNal(nal, 0, nal.length);
    }
}
