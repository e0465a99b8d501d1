package dev.weir.engine.rtmp.chunk;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {

    @Test
    void unwrapsAcrossThe32BitWrap() {
        assertEquals(0x1_0000_0010L, Timestamps.unwrap(0xffff_fff0L, 0x10));
        assertEquals(0xffff_fff0L, Timestamps.unwrap(0x1_0000_0010L, 0xffff_fff0L), "a small step back stays in its epoch");
        assertEquals(5, Timestamps.unwrap(0, 5));
        assertEquals(0x2_0000_0000L, Timestamps.unwrap(0x1_ffff_ff00L, 0));
    }

    @Test
    void signedDeltaTreatsTheTopHalfAsNegative() {
        assertEquals(16, Timestamps.signedDelta(16));
        assertEquals(-16, Timestamps.signedDelta(0xffff_fff0L));
    }

    /** Property: a clock moving in steps under 2^31 is recovered exactly from its low 32 bits. */
    @Test
    void recoversAny64BitClockFromItsWireValues() {
        for (long seed = 1; seed <= 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long clock = random.nextLong(0, 1L << 40);
            long unwrapped = clock;
            for (int i = 0; i < 2000; i++) {
                long step = random.nextInt(4) == 0 ? -random.nextLong(1L << 30) : random.nextLong(1L << 31);
                clock = Math.max(0, clock + step);
                unwrapped = Timestamps.unwrap(unwrapped, Timestamps.toWire(clock));
                assertEquals(clock, unwrapped, "seed " + seed + " step " + i);
            }
        }
    }
}
