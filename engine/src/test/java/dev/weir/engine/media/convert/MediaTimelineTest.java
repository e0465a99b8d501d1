package dev.weir.engine.media.convert;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTimelineTest {

    @Test
    void startsAtZeroAndFollowsSmallSteps() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.toMillis(8_589_000_000L));
        assertEquals(40, t.toMillis(8_589_003_600L));
        assertEquals(20, t.toMillis(8_589_001_800L), "interleaved audio slightly behind video is kept as is");
        assertEquals(0, t.rebases());
    }

    /** Random streams with jitter and occasional huge jumps either way: output moves by at most the step. */
    @Test
    void jumpsNeverShowInTheOutput() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            MediaTimeline t = new MediaTimeline();
            long in = random.nextLong(1L << 40);
            long lastOut = t.toMillis(in);
            int jumps = 0;
            for (int i = 0; i < 2000; i++) {
                long step;
                if (random.nextInt(100) == 0) {
                    long size = MediaTimeline.MAX_JUMP_90K + 1 + random.nextLong(1L << 36);
                    step = random.nextBoolean() ? size : -size;
                    jumps++;
                } else {
                    step = random.nextInt(9000); // up to 100 ms forward
                }
                in += step;
                long out = t.toMillis(in);
                long expectedStep = Math.abs(step) > MediaTimeline.MAX_JUMP_90K ? 0 : Math.floorDiv(step, 90);
                assertTrue(Math.abs(out - lastOut - expectedStep) <= 1, "step " + step + " gave " + (out - lastOut));
                assertTrue(out >= 0);
                lastOut = out;
            }
            assertEquals(jumps, t.rebases());
        }
    }
}
