package dev.weir.engine.srt.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void wireValueIsLowThirtyTwoBitsUnsigned() {
        assertEquals(0xFFFF_FFFFL, Timestamps.unsigned(-1));
        assertEquals(5, Timestamps.toWire(Timestamps.PERIOD + 5));
        assertEquals(16, Timestamps.offset(0xFFFF_FFF8, 8));
    }

    @Test
    void unwrapCrossesTheWrapForwardAndBackward() {
        long ref = Timestamps.PERIOD - 10;           // 10 µs before the first wrap
        assertEquals(Timestamps.PERIOD + 20, Timestamps.unwrap(20, ref));
        assertEquals(Timestamps.PERIOD - 30, Timestamps.unwrap(0xFFFF_FFE2, Timestamps.PERIOD + 5));
    }

    @Test
    void propertyHoursOfStreamingUnwrapToTheOriginalTimeLine() {
        SplittableRandom random = new SplittableRandom(0x7135L);
        long now = 0;
        long reference = 0;
        // About 5 hours (several wraps) in steps of up to 2 s, with jitter backwards of up to 1 s.
        while (now < 5L * 3600 * 1_000_000) {
            now += random.nextLong(0, 2_000_000);
            long sample = Math.max(0, now - random.nextLong(0, 1_000_000));
            long unwrapped = Timestamps.unwrap(Timestamps.toWire(sample), reference);
            assertEquals(sample, unwrapped, () -> "reference " + Long.toHexString(Long.MAX_VALUE));
            reference = unwrapped;
        }
    }
}
