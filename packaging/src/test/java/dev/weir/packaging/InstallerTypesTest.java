package dev.weir.packaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which installers a build makes, given the tools installed on the machine. */
class InstallerTypesTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void aRequiredInstallerWithoutItsToolsFailsNamingThePackageToInstall() {
        Set<String> installed = Set.of("dpkg-deb"); // no fakeroot

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Installers.installerTypes("deb", HostOs.LINUX, log, installed::contains));

        assertTrue(e.getMessage().contains("apt-get install fakeroot"), e.getMessage());
    }

    @Test
    void anOptionalInstallerWithoutItsToolsIsLeftOutWithANote() {
        Set<String> installed = Set.of("dpkg-deb", "fakeroot"); // no rpmbuild

        List<String> types = Installers.installerTypes("deb,rpm?", HostOs.LINUX, log, installed::contains);

        assertEquals(List.of("deb"), types);
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("no .rpm (optional): rpmbuild is not installed"), logged.toString());
    }

    @Test
    void everyInstallerIsBuiltWhenItsToolsAreThere() {
        Set<String> installed = Set.of("dpkg-deb", "fakeroot", "rpmbuild");

        assertEquals(List.of("deb", "rpm"), Installers.installerTypes(" deb , rpm? ,", HostOs.LINUX, log, installed::contains));
    }

    @Test
    void windowsAndMacToolsAreLeftToJpackageToCheck() {
        assertEquals(List.of("msi"), Installers.installerTypes("msi", HostOs.WINDOWS, log, tool -> false));
        assertEquals(List.of("dmg"), Installers.installerTypes("dmg", HostOs.MAC, log, tool -> false));
    }

    @Test
    void anInstallerTypeOfAnotherSystemIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Installers.installerTypes("msi", HostOs.LINUX, log, tool -> true));

        assertTrue(e.getMessage().contains("msi"), e.getMessage());
    }
}
