package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** libsrt's maxbw / inputbw / mininputbw / oheadbw rules for the bandwidth ceiling. */
class LiveCongestionControlTest {

    @Test
    void maxBwMinusOneIsOneGigabitPerSecond() {
        LiveCongestionControl cc = new LiveCongestionControl(-1, 0, 0, 25, 1316, new InputRateEstimator());
        assertEquals(125_000_000L, cc.bandwidthCeiling());
        assertEquals(1_000_000.0 * 1360 / 125_000_000, cc.packetPeriodMicros(), 1e-9);
    }

    @Test
    void positiveMaxBwIsAbsolute() {
        LiveCongestionControl cc = new LiveCongestionControl(1_000_000, 5_000_000, 0, 25, 1316,
                new InputRateEstimator());
        assertEquals(1_000_000, cc.bandwidthCeiling());
    }

    @Test
    void zeroMaxBwUsesInputBwPlusOverhead() {
        LiveCongestionControl cc = new LiveCongestionControl(0, 1_000_000, 0, 25, 1316, new InputRateEstimator());
        assertEquals(1_250_000, cc.bandwidthCeiling());
    }

    @Test
    void zeroMaxBwAndZeroInputBwUsesTheMeasuredRateButNotBelowMinInputBw() {
        InputRateEstimator rate = new InputRateEstimator();
        LiveCongestionControl cc = new LiveCongestionControl(0, 0, 0, 50, 1316, rate);
        assertEquals(LiveCongestionControl.INFINITE_BANDWIDTH, cc.bandwidthCeiling(), "nothing measured yet");
        // 100 packets of 1316 bytes over 500 ms: (1316 + 44) * 100 / 0.5 s = 272000 B/s
        for (int k = 0; k <= 100; k++) {
            rate.onPacket(1316, k * 5_000L);
        }
        assertEquals(272_000 + 2_720, rate.bytesPerSecond()); // 101 packets counted over exactly 500 ms
        cc.update();
        assertEquals((272_000 + 2_720) * 150 / 100, cc.bandwidthCeiling());
        LiveCongestionControl floored = new LiveCongestionControl(0, 0, 1_000_000, 50, 1316, rate);
        assertEquals(1_500_000, floored.bandwidthCeiling());
    }
}
