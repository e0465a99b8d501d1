package dev.weir.engine.testing.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedPayloadsTest {

    @Test
    void reportFindsLossDuplicationCorruptionAndReordering() {
        NumberedPayloads.Report r = new NumberedPayloads.Report(6);
        for (int n : new int[] {0, 2, 1, 2, 5}) {
            byte[] p = NumberedPayloads.make(n, 1316);
            r.accept(p, p.length);
        }
        byte[] bad = NumberedPayloads.make(3, 1316);
        bad[100] ^= 1;
        r.accept(bad, bad.length);
        assertEquals(2, r.lost());
        assertEquals(List.of(3, 4), r.firstMissing(5));
        assertEquals(1, r.duplicates());
        assertEquals(1, r.corrupted());
        assertEquals(1, r.outOfOrder());
        assertFalse(r.perfect());
    }

    @Test
    void intactPayloadsAreRecognised() {
        NumberedPayloads.Report r = new NumberedPayloads.Report(100);
        for (int n = 0; n < 100; n++) {
            byte[] p = NumberedPayloads.make(n, 188);
            assertEquals(n, NumberedPayloads.check(p, p.length));
            r.accept(p, p.length);
        }
        assertTrue(r.perfect());
    }
}
