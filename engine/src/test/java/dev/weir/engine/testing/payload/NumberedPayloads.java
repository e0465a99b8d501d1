package dev.weir.engine.testing.payload;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Test payloads that can be checked end to end: each carries its sequence number (4 bytes), seeded pseudo-random
 * filler and, in the last 4 bytes, a CRC-32 of everything before. {@link Report} says what was lost, duplicated,
 * corrupted or reordered in what came back.
 */
public final class NumberedPayloads {

    private NumberedPayloads() {
    }

    public static byte[] make(int number, int size) {
        if (size < 8) {
            throw new IllegalArgumentException("payload needs at least 8 bytes");
        }
        byte[] b = new byte[size];
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.putInt(number);
        Random filler = new Random(number * 2654435761L);
        for (int k = 4; k < size - 4; k++) {
            b[k] = (byte) filler.nextInt(256);
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, size - 4);
        buf.putInt(size - 4, (int) crc.getValue());
        return b;
    }

    /** Marks a payload that does not check out. */
    public static final int CORRUPTED = Integer.MIN_VALUE;

    /**
     * A warm-up payload (negative number): sent until the far end is known to receive, so that the numbered run
     * does not start while the peer is still completing its handshake. Reports ignore them.
     */
    public static byte[] warmUp(int k) {
        return make(-1 - k, 1316);
    }

    /** The payload's number ({@code < 0} for warm-ups), or {@link #CORRUPTED} when the checksum does not match. */
    public static int check(byte[] data, int length) {
        if (length < 8) {
            return CORRUPTED;
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(data).getInt(length - 4)) {
            return CORRUPTED;
        }
        return ByteBuffer.wrap(data).getInt(0);
    }

    /** Analysis of received payloads against 0..expected-1. */
    public static final class Report {
        private final int expected;
        private final BitSet seen = new BitSet();
        private final List<Integer> order = new ArrayList<>();
        private int duplicates;
        private int corrupted;
        private int outOfOrder;
        private int last = -1;
        private volatile boolean warmUpSeen;

        public Report(int expected) {
            this.expected = expected;
        }

        public void accept(byte[] data, int length) {
            int n = check(data, length);
            if (n != CORRUPTED && n < 0) {
                warmUpSeen = true;
                return;
            }
            if (n < 0 || n >= expected) {
                corrupted++;
                return;
            }
            if (seen.get(n)) {
                duplicates++;
                return;
            }
            seen.set(n);
            if (n < last) {
                outOfOrder++;
            }
            last = n;
            order.add(n);
        }

        /** Whether a warm-up payload (or any numbered one) got through: the path is open. */
        public boolean pathOpen() {
            return warmUpSeen || !order.isEmpty();
        }

        public int received() {
            return seen.cardinality();
        }

        public int lost() {
            return expected - seen.cardinality();
        }

        public int duplicates() {
            return duplicates;
        }

        public int corrupted() {
            return corrupted;
        }

        public int outOfOrder() {
            return outOfOrder;
        }

        public boolean complete() {
            return lost() == 0;
        }

        /** True when nothing was lost, duplicated, corrupted or reordered. */
        public boolean perfect() {
            return lost() == 0 && duplicates == 0 && corrupted == 0 && outOfOrder == 0;
        }

        /** The first few missing numbers, for failure messages. */
        public List<Integer> firstMissing(int max) {
            List<Integer> missing = new ArrayList<>();
            for (int k = seen.nextClearBit(0); k < expected && missing.size() < max; k = seen.nextClearBit(k + 1)) {
                missing.add(k);
            }
            return missing;
        }

        @Override
        public String toString() {
            return "received " + received() + "/" + expected + ", lost " + lost() + " (first " + firstMissing(10)
                    + "), duplicates " + duplicates + ", corrupted " + corrupted + ", out of order " + outOfOrder;
        }
    }
}
