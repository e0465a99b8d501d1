package dev.weir.engine.testing.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpairmentModelTest {

    private static final int CONTROL = 0x80;
    private static final int DATA = 0x00;

    private static List<ImpairmentModel.Fate> run(Impairment impairment, long seed, int[] firstBytes) {
        ImpairmentModel model = new ImpairmentModel(impairment, seed);
        List<ImpairmentModel.Fate> fates = new ArrayList<>();
        for (int b : firstBytes) {
            fates.add(model.next(b));
        }
        return fates;
    }

    private static int[] data(int n) {
        return new int[n];
    }

    @Test
    void sameSeedSameDecisionsDifferentSeedDifferentDecisions() {
        Impairment i = Impairment.randomLoss(10, Impairment.LossStart.FROM_FIRST_PACKET).withDelay(5, 20)
                .withReorder(5, 30).withDuplicates(3);
        assertEquals(run(i, 42, data(2000)), run(i, 42, data(2000)));
        assertNotEquals(run(i, 42, data(2000)), run(i, 43, data(2000)));
    }

    @Test
    void randomLossRateIsNearTheConfiguredPercent() {
        ImpairmentModel model = new ImpairmentModel(Impairment.randomLoss(5, Impairment.LossStart.FROM_FIRST_PACKET), 7);
        for (int k = 0; k < 20_000; k++) {
            model.next(DATA);
        }
        long dropped = model.counters().dropped();
        assertTrue(dropped > 800 && dropped < 1200, "dropped " + dropped + " of 20000 at 5%");
        assertEquals(20_000, model.counters().received());
    }

    @Test
    void burstsDropConsecutivePackets() {
        List<ImpairmentModel.Fate> fates = run(Impairment.NONE.withLoss(2, 4, Impairment.LossStart.FROM_FIRST_PACKET),
                3, data(5000));
        int k = 0;
        int bursts = 0;
        while (k < fates.size()) {
            if (fates.get(k).dropped()) {
                int run = 0;
                while (k < fates.size() && fates.get(k).dropped()) {
                    run++;
                    k++;
                }
                assertEquals(0, run % 4, "loss runs are whole bursts of 4 (back-to-back bursts add up), got " + run);
                bursts++;
            } else {
                k++;
            }
        }
        assertTrue(bursts > 50, "expected many bursts, got " + bursts);
    }

    @Test
    void lossAfterFirstDataPacketSparesTheHandshake() {
        int[] packets = new int[200];
        for (int k = 0; k < 4; k++) {
            packets[k] = CONTROL; // handshakes
        }
        List<ImpairmentModel.Fate> fates = run(
                Impairment.randomLoss(100, Impairment.LossStart.FROM_FIRST_DATA_PACKET), 1, packets);
        for (int k = 0; k < 4; k++) {
            assertFalse(fates.get(k).dropped(), "handshake " + k);
        }
        for (int k = 4; k < 200; k++) {
            assertTrue(fates.get(k).dropped(), "data " + k);
        }
    }

    @Test
    void lossAfterNPackets() {
        List<ImpairmentModel.Fate> fates = run(
                Impairment.randomLoss(100, new Impairment.LossStart.AfterPackets(10)), 1, data(20));
        for (int k = 0; k < 20; k++) {
            assertEquals(k >= 10, fates.get(k).dropped(), "packet " + k);
        }
    }

    @Test
    void scriptedDropsApplyEvenBeforeRandomLossStarts() {
        List<ImpairmentModel.Fate> fates = run(Impairment.NONE.withDropped(Set.of(0L, 2L))
                .withLoss(0, 1, Impairment.LossStart.FROM_FIRST_DATA_PACKET), 1, new int[] {CONTROL, CONTROL,
                CONTROL, CONTROL});
        assertTrue(fates.get(0).dropped());
        assertFalse(fates.get(1).dropped());
        assertTrue(fates.get(2).dropped());
        assertFalse(fates.get(3).dropped());
    }

    @Test
    void delayJitterReorderAndDuplicationAreBoundedAndCounted() {
        Impairment i = Impairment.NONE.withDelay(10, 5).withReorder(10, 50).withDuplicates(10);
        ImpairmentModel model = new ImpairmentModel(i, 99);
        int reordered = 0;
        int duplicated = 0;
        for (int k = 0; k < 1000; k++) {
            ImpairmentModel.Fate f = model.next(DATA);
            assertFalse(f.dropped());
            int base = f.firstDelayMs() - (f.reordered() ? 50 : 0);
            assertTrue(base >= 10 && base <= 15, "delay " + f);
            if (f.duplicated()) {
                duplicated++;
                assertTrue(f.duplicateDelayMs() >= 10 && f.duplicateDelayMs() <= 15);
            }
            reordered += f.reordered() ? 1 : 0;
        }
        assertEquals(reordered, model.counters().reordered());
        assertEquals(duplicated, model.counters().duplicated());
        assertTrue(reordered > 50 && reordered < 150, "reordered " + reordered);
        assertTrue(duplicated > 50 && duplicated < 150, "duplicated " + duplicated);
    }
}
