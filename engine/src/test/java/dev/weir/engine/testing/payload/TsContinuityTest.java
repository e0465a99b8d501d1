package dev.weir.engine.testing.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TsContinuityTest {

    private static byte[] packet(int pid, int counter, boolean payload) {
        byte[] p = new byte[188];
        p[0] = 0x47;
        p[1] = (byte) (pid >> 8);
        p[2] = (byte) pid;
        p[3] = (byte) ((payload ? 0x10 : 0x20) | counter);
        return p;
    }

    @Test
    void countsGapsPerPidButNotAdaptationOnlyOrDuplicates() {
        TsContinuity ts = new TsContinuity();
        byte[] msg = new byte[188 * 6];
        System.arraycopy(packet(256, 14, true), 0, msg, 0, 188);
        System.arraycopy(packet(256, 15, true), 0, msg, 188, 188);
        System.arraycopy(packet(256, 15, false), 0, msg, 376, 188);  // adaptation only: no increment
        System.arraycopy(packet(256, 0, true), 0, msg, 564, 188);    // wraps 15 -> 0
        System.arraycopy(packet(257, 3, true), 0, msg, 752, 188);
        System.arraycopy(packet(256, 2, true), 0, msg, 940, 188);    // 1 missing
        ts.accept(msg, msg.length);
        assertEquals(6, ts.packets());
        assertEquals(1, ts.continuityErrors());
        byte[] bad = packet(256, 3, true);
        bad[0] = 0;
        ts.accept(bad, 188);
        assertEquals(1, ts.syncErrors());
        ts.accept(new byte[100], 100);
        assertEquals(1, ts.partialMessages());
    }
}
