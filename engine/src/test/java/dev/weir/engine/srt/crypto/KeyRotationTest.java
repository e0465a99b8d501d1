package dev.weir.engine.srt.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.srt.packet.KeyFlags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    @Test
    void announcesSwitchesAndDecommissionsAtLibsrtThresholds() {
        KeyRotation rotation = new KeyRotation(100, 10);
        List<String> events = new ArrayList<>();
        for (int packet = 1; packet <= 350; packet++) {
            KeyRotation.Action action = rotation.onPacket();
            if (action != KeyRotation.Action.NONE) {
                events.add(packet + ":" + action + ":" + rotation.activeKey());
            }
        }
        assertEquals(List.of(
                "91:PRE_ANNOUNCE:EVEN", "101:SWITCH:ODD", "111:DECOMMISSION:ODD",
                "191:PRE_ANNOUNCE:ODD", "201:SWITCH:EVEN", "211:DECOMMISSION:EVEN",
                "291:PRE_ANNOUNCE:EVEN", "301:SWITCH:ODD", "311:DECOMMISSION:ODD"), events);
    }

    @Test
    void startsWithTheEvenKeyAndValidatesPreAnnounce() {
        assertEquals(KeyFlags.EVEN, KeyRotation.withDefaults().activeKey());
        assertThrows(IllegalArgumentException.class, () -> new KeyRotation(100, 51));
        assertThrows(IllegalArgumentException.class, () -> new KeyRotation(100, 0));
    }
}
