package dev.weir.engine.media.es;

/**
 * Reads bits, Exp-Golomb codes and fixed fields from a NAL unit's payload after removing emulation prevention
 * bytes (the {@code 03} in {@code 00 00 03}). Reading past the end throws, so a truncated parameter set cannot
 * yield a plausible but wrong value.
 */
public final class RbspReader {
    private final byte[] rbsp;
    private final int lengthBits;
    private int bit;

    /** @param skip header bytes to start after (1 for H.264 NAL headers, 2 for H.265) */
    public RbspReader(byte[] nal, int skip) {
        byte[] out = new byte[Math.max(0, nal.length - skip)];
        int n = 0;
        int zeros = 0;
        for (int i = skip; i < nal.length; i++) {
            int v = nal[i] & 0xFF;
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out[n++] = (byte) v;
        }
        this.rbsp = out;
        this.lengthBits = n * 8;
    }

    public int bits(int count) throws EsFormatException {
        if (count > 32 || count < 0) {
            throw new IllegalArgumentException("at most 32 bits at once");
        }
        if (bit + count > lengthBits) {
            throw new EsFormatException("parameter set ends early");
        }
        long v = 0;
        for (int i = 0; i < count; i++) {
            int b = (rbsp[bit >> 3] >> (7 - (bit & 7))) & 1;
            v = (v << 1) | b;
            bit++;
        }
        return (int) v;
    }

    public long longBits(int count) throws EsFormatException {
        long v = 0;
        while (count > 0) {
            int n = Math.min(32, count);
            v = (v << n) | (bits(n) & 0xFFFFFFFFL);
            count -= n;
        }
        return v;
    }

    public boolean flag() throws EsFormatException {
        return bits(1) == 1;
    }

    public void skip(int count) throws EsFormatException {
        if (bit + count > lengthBits) {
            throw new EsFormatException("parameter set ends early");
        }
        bit += count;
    }

    /** ue(v): unsigned Exp-Golomb. Values beyond 2^31 - 2 are refused as nonsense. */
    public int ue() throws EsFormatException {
        int zeros = 0;
        while (bits(1) == 0) {
            zeros++;
            if (zeros > 31) {
                throw new EsFormatException("Exp-Golomb code longer than 32 bits");
            }
        }
        if (zeros == 0) {
            return 0;
        }
        long v = (1L << zeros) - 1 + (bits(zeros) & 0xFFFFFFFFL);
        if (v > Integer.MAX_VALUE - 1) {
            throw new EsFormatException("Exp-Golomb value out of range");
        }
        return (int) v;
    }

    /** se(v): signed Exp-Golomb. */
    public int se() throws EsFormatException {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }
}
