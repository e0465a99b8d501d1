package dev.weir.engine.srt.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeqNoTest {

    private static final long SEED = 0x5EED_5A17L;

    @Test
    void wrapsAfterThirtyOneBits() {
        assertEquals(0, SeqNo.next(0x7FFF_FFFF));
        assertEquals(0x7FFF_FFFF, SeqNo.previous(0));
        assertEquals(4, SeqNo.add(0x7FFF_FFFE, 6));
        assertEquals(0x7FFF_FFFE, SeqNo.add(4, -6));
        assertEquals(6, SeqNo.offset(0x7FFF_FFFE, 4));
        assertEquals(-6, SeqNo.offset(4, 0x7FFF_FFFE));
        assertTrue(SeqNo.before(0x7FFF_FFFE, 4));
        assertTrue(SeqNo.after(4, 0x7FFF_FFFE));
        assertEquals(4, SeqNo.max(4, 0x7FFF_FFFE));
        assertEquals(7, SeqNo.length(0x7FFF_FFFE, 4));
        assertTrue(SeqNo.inRange(0, 0x7FFF_FFFE, 4));
        assertFalse(SeqNo.inRange(5, 0x7FFF_FFFE, 4));
        assertFalse(SeqNo.isValid(0x8000_0000));
    }

    @Test
    void propertyAddThenOffsetRoundTripsAcrossTheWrap() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 200_000; i++) {
            // Bias half the samples to within 1000 of the wrap point.
            int a = i % 2 == 0 ? random.nextInt(0, SeqNo.MAX) + 0 : SeqNo.add(SeqNo.MAX, random.nextInt(-1000, 1000));
            int delta = random.nextInt(-(1 << 29), 1 << 29);
            int b = SeqNo.add(a, delta);
            assertTrue(SeqNo.isValid(b));
            assertEquals(delta, SeqNo.offset(a, b), () -> "a=" + a + " delta=" + delta);
            assertEquals(-delta, SeqNo.offset(b, a));
            assertEquals(Integer.signum(delta), -SeqNo.compare(a, b));
            assertEquals(delta > 0, SeqNo.before(a, b));
            if (delta >= 0) {
                assertEquals(delta + 1, SeqNo.length(a, b));
                assertTrue(SeqNo.inRange(SeqNo.add(a, delta / 2), a, b));
                assertFalse(SeqNo.inRange(SeqNo.add(b, 1), a, b));
                assertEquals(b, SeqNo.max(a, b));
            }
        }
    }

    @Test
    void propertyNextIsAddOne() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 100_000; i++) {
            int a = random.nextInt(0, Integer.MAX_VALUE);
            assertEquals(SeqNo.add(a, 1), SeqNo.next(a));
            assertEquals(a, SeqNo.previous(SeqNo.next(a)));
            assertEquals(1, SeqNo.offset(a, SeqNo.next(a)));
        }
    }

    @Test
    void rangeRejectsBackwardsAndOutOfRangeNumbers() {
        SeqRange wrapping = new SeqRange(0x7FFF_FFFF, 1);
        assertEquals(3, wrapping.length());
        assertTrue(wrapping.contains(0));
        assertThrows(IllegalArgumentException.class, () -> new SeqRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new SeqRange(-1, 4));
    }

    @Test
    void messageNumbersSkipZeroOnWrap() {
        assertEquals(1, MessageNo.next(MessageNo.MAX));
        assertEquals(2, MessageNo.next(1));
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < 100_000; i++) {
            int a = random.nextInt(1, MessageNo.MAX + 1);
            int d = random.nextInt(-(1 << 24), 1 << 24);
            int b = (a + d) & MessageNo.MAX;
            assertEquals(d, MessageNo.offset(a, b));
        }
    }
}
