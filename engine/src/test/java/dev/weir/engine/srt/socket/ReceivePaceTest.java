package dev.weir.engine.srt.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the receive thread blocks and when it polls, on an injected clock (microseconds). */
class ReceivePaceTest {

    /** Feeds {@code perWindow} evenly spaced datagrams over one window from {@code start}; returns true if any switched. */
    private static boolean window(ReceivePace pace, long start, int perWindow) {
        boolean switched = false;
        for (int i = 1; i <= perWindow; i++) {
            switched |= pace.datagram(start + i * ReceivePace.WINDOW_MICROS / perWindow);
        }
        return switched;
    }

    @Test
    void aSlowFlowKeepsBlockingAndAFastOneSwitchesToPollingAtTheEndOfItsFirstWindow() {
        ReceivePace pace = new ReceivePace(0);
        assertFalse(window(pace, 0, 190), "1 900 datagrams a second (20 Mbit/s) are cheaper with a blocking receive");
        assertFalse(pace.polling());
        assertTrue(window(pace, ReceivePace.WINDOW_MICROS, 950), "9 500 a second (100 Mbit/s) are polled");
        assertTrue(pace.polling());
    }

    @Test
    void pollingGoesOnBetweenTheThresholdsAndStopsWhenAnEmptyPollEndsASlowWindow() {
        ReceivePace pace = new ReceivePace(0);
        window(pace, 0, 500);
        assertTrue(pace.polling());
        // 3 000 a second: below the 4 000 that start polling, above the 2 500 that stop it
        long t = ReceivePace.WINDOW_MICROS;
        for (int i = 1; i <= 300; i++) {
            assertFalse(pace.datagram(t + i * ReceivePace.WINDOW_MICROS / 300));
        }
        assertFalse(pace.emptyPoll(t + ReceivePace.WINDOW_MICROS), "hysteresis: still polling");
        assertTrue(pace.polling());
        t += ReceivePace.WINDOW_MICROS;
        for (int i = 1; i <= 100; i++) {
            pace.datagram(t + i * 900);
        }
        assertTrue(pace.emptyPoll(t + ReceivePace.WINDOW_MICROS), "1 000 a second: back to blocking");
        assertFalse(pace.polling());
    }

    @Test
    void aBurstAfterALongSilenceIsCountedOverTheWholeSilenceAndDoesNotStartPolling() {
        ReceivePace pace = new ReceivePace(0);
        long t = 5_000_000; // 5 s blocked without a datagram
        for (int i = 0; i < 500; i++) {
            assertFalse(pace.datagram(t + i));
        }
        assertFalse(pace.polling());
    }

    @Test
    void emptyPollsWhileBlockingChangeNothing() {
        ReceivePace pace = new ReceivePace(0);
        assertFalse(pace.emptyPoll(10 * ReceivePace.WINDOW_MICROS));
        assertFalse(pace.polling());
    }
}
