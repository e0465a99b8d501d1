package dev.weir.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void steadyCounterGivesItsSlope() {
        RateMeter m = RateMeter.perSecond();
        assertEquals(0, m.update(0, 0), "one sample says nothing yet");
        assertEquals(4000, m.update(250 * MS, 1000), 1e-9);
        long total = 1000;
        for (long t = 500; t <= 5000; t += 250) {
            total += 1000;
            assertEquals(4000, m.update(t * MS, total), 1e-9, "at " + t + " ms");
        }
    }

    @Test
    void windowIsAboutOneSecondSoOldBurstsFadeOut() {
        RateMeter m = RateMeter.perSecond();
        m.update(0, 0);
        m.update(250 * MS, 100_000);            // a burst
        for (long t = 500; t <= 1250; t += 250) m.update(t * MS, 100_000);
        assertEquals(0, m.update(1500 * MS, 100_000), 1e-9, "more than a second after the burst: no rate");
        assertEquals(100, m.update(1750 * MS, 100_100), 1e-9, "100 bytes over the last second");
    }

    @Test
    void rateOverTheLastSecondAfterAChange() {
        RateMeter m = RateMeter.perSecond();
        long total = 0;
        for (long t = 0; t <= 2000; t += 250) m.update(t * MS, total += 250);   // 1000 B/s
        double rate = 0;
        for (long t = 2250; t <= 3000; t += 250) rate = m.update(t * MS, total += 500); // 2000 B/s
        assertEquals(2000, rate, 1e-9, "a full window after the change shows only the new rate");
    }

    @Test
    void frequentCallersDoNotShrinkTheWindow() {
        RateMeter m = RateMeter.perSecond();
        double rate = 0;
        for (long t = 0; t <= 3000; t++) rate = m.update(t * MS, t * 10); // every millisecond, 10 000 B/s
        assertEquals(10_000, rate, 1e-6);
    }

    @Test
    void counterGoingBackwardsStartsOver() {
        RateMeter m = RateMeter.perSecond();
        m.update(0, 0);
        m.update(250 * MS, 5000);
        assertEquals(0, m.update(500 * MS, 10), "reset counter");
        assertEquals(40, m.update(750 * MS, 20), 1e-9);
    }

    @Test
    void randomIntervalsOnALinearCounterAlwaysGiveTheSlope() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            RateMeter m = new RateMeter((1 + random.nextInt(3)) * 1000 * MS);
            double perNano = random.nextDouble() * 1e-3; // up to 1 MB/s
            long t = random.nextLong(1L << 40);
            long start = t;
            double rate = 0;
            for (int i = 0; i < 100; i++) {
                t += 1 + random.nextLong(600 * MS);
                rate = m.update(t, (long) ((t - start) * perNano));
            }
            assertEquals(perNano * 1e9, rate, perNano * 1e9 * 0.01 + 2, "trial " + trial);
        }
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RateMeter(0));
    }
}
