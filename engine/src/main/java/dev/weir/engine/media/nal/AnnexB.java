package dev.weir.engine.media.nal;

import dev.weir.engine.media.MalformedMediaException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264/H.265 Annex B byte streams: NAL units separated by start codes {@code 00 00 01} or {@code 00 00 00 01}
 * (what MPEG-TS carries), and the length-prefixed form (AVCC/HVCC) that FLV and MP4 carry.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * Splits an Annex B buffer into NAL units (without start codes). Bytes before the first start code are
     * ignored; trailing zero bytes of a unit (trailing_zero_8bits) are dropped.
     */
    public static List<byte[]> split(byte[] b, int offset, int length) {
        List<byte[]> units = new ArrayList<>();
        int end = offset + length;
        int start = -1;
        int i = offset;
        while (i + 2 < end) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                if (start >= 0) {
                    addUnit(units, b, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            addUnit(units, b, start, end);
        }
        return units;
    }

    public static List<byte[]> split(byte[] b) {
        return split(b, 0, b.length);
    }

    private static void addUnit(List<byte[]> units, byte[] b, int from, int to) {
        while (to > from && b[to - 1] == 0) {
            to--;
        }
        if (to > from) {
            units.add(java.util.Arrays.copyOfRange(b, from, to));
        }
    }

    /** Appends {@code 00 00 00 01} and the unit. */
    public static void writeUnit(ByteArrayOutputStream out, byte[] unit) {
        out.write(START_CODE, 0, 4);
        out.write(unit, 0, unit.length);
    }

    /** Appends a 4-byte big-endian length and the unit (AVCC/HVCC with lengthSizeMinusOne = 3). */
    public static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] unit) {
        int n = unit.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(unit, 0, unit.length);
    }

    /**
     * Splits length-prefixed NAL units (AVCC/HVCC sample data).
     *
     * @param lengthSize 1, 2 or 4 bytes per length, from the config record's lengthSizeMinusOne + 1
     * @throws MalformedMediaException when a length runs past the end
     */
    public static List<byte[]> splitLengthPrefixed(byte[] b, int offset, int length, int lengthSize)
            throws MalformedMediaException {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new MalformedMediaException("NAL length size " + lengthSize + " is not 1, 2 or 4");
        }
        List<byte[]> units = new ArrayList<>();
        int end = offset + length;
        int p = offset;
        while (p < end) {
            if (end - p < lengthSize) {
                throw new MalformedMediaException("truncated NAL length field");
            }
            long n = 0;
            for (int i = 0; i < lengthSize; i++) {
                n = (n << 8) | (b[p + i] & 0xFF);
            }
            p += lengthSize;
            if (n > end - p) {
                throw new MalformedMediaException("NAL unit length " + n + " runs past the end of the frame");
            }
            if (n > 0) {
                units.add(java.util.Arrays.copyOfRange(b, p, p + (int) n));
            }
            p += (int) n;
        }
        return units;
    }
}
