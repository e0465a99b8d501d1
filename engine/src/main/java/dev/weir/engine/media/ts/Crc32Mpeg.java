package dev.weir.engine.media.ts;

/**
 * CRC-32/MPEG-2 (polynomial 0x04C11DB7, initial value 0xFFFFFFFF, no reflection, no final xor) that ends every
 * PSI section. Over a whole section including its CRC the result is 0.
 */
public final class Crc32Mpeg {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc32Mpeg() {
    }

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
