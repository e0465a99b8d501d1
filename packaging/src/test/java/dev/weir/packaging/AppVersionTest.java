package dev.weir.packaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppVersionTest {
    @Test
    void dropsTheQualifierOfAMavenVersion() {
        assertEquals("0.1.0", AppVersion.forJpackage("0.1.0-SNAPSHOT", HostOs.LINUX));
        assertEquals("2.3", AppVersion.forJpackage("2.3-rc1", HostOs.WINDOWS));
        assertEquals("1.4.2", AppVersion.forJpackage("1.4.2", HostOs.MAC));
    }

    @Test
    void refusesAVersionWithoutNumbers() {
        assertThrows(IllegalArgumentException.class, () -> AppVersion.forJpackage("SNAPSHOT", HostOs.LINUX));
    }

    @Test
    void macOsNeedsAFirstNumberAboveZeroAndSaysHowToGiveOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppVersion.forJpackage("0.1.0-SNAPSHOT", HostOs.MAC));

        assertTrue(e.getMessage().contains("-Dweir.package.version="), e.getMessage());
    }

    @Test
    void windowsInstallerCeilingsAreChecked() {
        assertEquals("255.255.65535", AppVersion.forJpackage("255.255.65535", HostOs.WINDOWS));
        assertThrows(IllegalArgumentException.class, () -> AppVersion.forJpackage("256.0.0", HostOs.WINDOWS));
        assertThrows(IllegalArgumentException.class, () -> AppVersion.forJpackage("1.0.65536", HostOs.WINDOWS));
    }
}
