package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SeqRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LossListTest {

    @Test
    void mergesAdjacentRangesAndSplitsOnRemoval() {
        LossList l = new LossList();
        assertEquals(3, l.add(10, 12));
        assertEquals(2, l.add(13, 14));
        assertEquals(List.of(new SeqRange(10, 14)), l.ranges(10));
        assertTrue(l.remove(12));
        assertEquals(List.of(new SeqRange(10, 11), new SeqRange(13, 14)), l.ranges(10));
        assertEquals(1, l.add(12, 12));
        assertEquals(List.of(new SeqRange(10, 14)), l.ranges(10));
        assertEquals(0, l.add(11, 13), "already there");
        assertEquals(3, l.removeUpTo(12));
        assertEquals(List.of(new SeqRange(13, 14)), l.ranges(10));
        assertEquals(13, l.poll());
        assertEquals(14, l.poll());
        assertEquals(-1, l.poll());
        assertTrue(l.isEmpty());
    }

    @Test
    void worksAcrossTheWrap() {
        LossList l = new LossList();
        l.add(SeqNo.MAX - 1, 1);
        assertEquals(4, l.packetCount());
        assertTrue(l.contains(0));
        assertTrue(l.contains(SeqNo.MAX));
        assertFalse(l.contains(2));
        assertEquals(3, l.removeUpTo(0));
        assertEquals(List.of(new SeqRange(1, 1)), l.ranges(10));
    }

    /** Property: against a plain set of offsets, for random operations around random bases (wrap included). */
    @Test
    void behavesLikeASetOfSequenceNumbers() {
        Random random = new Random(20261121);
        for (int round = 0; round < 300; round++) {
            int base = random.nextBoolean() ? SeqNo.MAX - random.nextInt(200) : random.nextInt(SeqNo.MAX);
            LossList l = new LossList();
            TreeSet<Integer> model = new TreeSet<>(); // offsets from base
            for (int op = 0; op < 200; op++) {
                int a = random.nextInt(400);
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        int b = a + random.nextInt(5);
                        int added = 0;
                        for (int k = a; k <= b; k++) {
                            added += model.add(k) ? 1 : 0;
                        }
                        assertEquals(added, l.add(SeqNo.add(base, a), SeqNo.add(base, b)));
                    }
                    case 2 -> assertEquals(model.remove(a), l.remove(SeqNo.add(base, a)));
                    default -> {
                        int removed = model.headSet(a, true).size();
                        model.headSet(a, true).clear();
                        assertEquals(removed, l.removeUpTo(SeqNo.add(base, a)));
                    }
                }
                assertEquals(model.size(), l.packetCount());
                List<Integer> expanded = new ArrayList<>();
                for (SeqRange r : l.ranges(Integer.MAX_VALUE)) {
                    for (int k = 0; k < r.length(); k++) {
                        expanded.add(SeqNo.offset(base, SeqNo.add(r.first(), k)));
                    }
                }
                assertEquals(new ArrayList<>(model), expanded);
            }
        }
    }
}
