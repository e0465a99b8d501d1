package dev.weir.engine.media.nal;

import dev.weir.engine.media.MalformedMediaException;

/**
 * Reads an RBSP (or any bit-packed header, such as an AAC AudioSpecificConfig) most significant bit first:
 * fixed-width fields {@code u(n)}, flags, and the Exp-Golomb codes {@code ue(v)} and {@code se(v)}.
 *
 * <p>Exp-Golomb: a value {@code v} is written as {@code n} zero bits, a one, and the {@code n} low bits of
 * {@code v + 1}, where {@code n} is the number of bits of {@code v + 1} minus one. So 0 is {@code 1}, 1 is
 * {@code 010}, 2 is {@code 011}, 3 is {@code 00100}. {@code se(v)} maps 1, 2, 3, 4 ... to 1, -1, 2, -2 ...
 *
 * <p>Reading past the end throws {@link MalformedMediaException}: a truncated or hostile parameter set never
 * turns into an index error.
 */
public final class BitReader {
    private final byte[] data;
    private final long limitBits;
    private long position;

    public BitReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Reads {@code length} bytes of {@code data} starting at {@code offset}. */
    public BitReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = (long) offset * 8;
        this.limitBits = (long) (offset + length) * 8;
    }

    /** Bits not read yet. */
    public long remaining() {
        return limitBits - position;
    }

    /** {@code u(n)}: an unsigned field of {@code n} bits, 0 to 63 (the 48 HEVC constraint flags are one field). */
    public long bits(int n) throws MalformedMediaException {
        if (n < 0 || n > 63) throw new IllegalArgumentException("can read 0 to 63 bits at once, not " + n);
        if (n > remaining()) throw new MalformedMediaException("needs " + n + " more bits at bit " + position + ", has " + remaining());
        long v = 0;
        for (int i = 0; i < n; i++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
            v = (v << 1) | bit;
            position++;
        }
        return v;
    }

    /** {@code u(n)} for {@code n} of at most 31, as an int. */
    public int u(int n) throws MalformedMediaException {
        if (n > 31) throw new IllegalArgumentException("u(" + n + ") does not fit an int; use bits()");
        return (int) bits(n);
    }

    public boolean flag() throws MalformedMediaException {
        return bits(1) == 1;
    }

    public void skip(long n) throws MalformedMediaException {
        if (n > remaining()) throw new MalformedMediaException("cannot skip " + n + " bits at bit " + position + ", has " + remaining());
        position += n;
    }

    /** {@code ue(v)}: an unsigned Exp-Golomb code. Values past 2^31 - 2 are refused as malformed. */
    public int ue() throws MalformedMediaException {
        int leadingZeros = 0;
        while (!flag()) {
            if (++leadingZeros > 30) throw new MalformedMediaException("Exp-Golomb code longer than 31 bits at bit " + position);
        }
        return (int) ((1L << leadingZeros) - 1 + bits(leadingZeros));
    }

    /** {@code se(v)}: a signed Exp-Golomb code. */
    public int se() throws MalformedMediaException {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }
}
