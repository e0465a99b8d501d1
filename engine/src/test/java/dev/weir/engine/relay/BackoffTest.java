package dev.weir.engine.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final long S = 1_000_000_000L;

    @Test
    void doublesFromOneSecondToAThirtySecondCap() {
        Backoff b = new Backoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) delays.add(b.delayNanos(0) / S);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), delays);
    }

    @Test
    void aConnectionThatLastedAStableMinuteStartsOverAtOneSecond() {
        Backoff b = new Backoff();
        for (int i = 0; i < 6; i++) b.delayNanos(5 * S);
        assertEquals(30 * S, b.delayNanos(59 * S), "59 s is not stable yet");
        assertEquals(S, b.delayNanos(60 * S));
        assertEquals(2 * S, b.delayNanos(0));
    }

    @Test
    void propertyDelaysStayWithinBoundsAndNeverShrinkWithoutAStableConnection() {
        SplittableRandom random = new SplittableRandom(20261121);
        for (int run = 0; run < 1000; run++) {
            Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
            long previous = 0;
            for (int i = 0; i < 50; i++) {
                long up = random.nextInt(4) == 0 ? random.nextLong(0, 120 * S) : random.nextLong(0, 10 * S);
                long d = b.delayNanos(up);
                assertTrue(d >= S && d <= 30 * S, "delay " + d);
                if (up < 60 * S) assertTrue(d >= previous, "grew or stayed without a stable connection");
                else assertEquals(S, d);
                previous = d;
            }
        }
    }
}
