package dev.weir.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jpackage command lines, for each system, without running jpackage. */
class JpackageArgsTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private final AppIdentity app = new AppIdentity("0.1.0", "Weir", "Live video", "Copyright",
            Path.of("LICENSE.txt"), "weir-app-0.1.0-SNAPSHOT.jar", "dev.weir.app.Main");

    private JvmOptionsFile options() throws Exception {
        return JvmOptionsFile.read(Files.writeString(dir.resolve("weir.jvmopts"), "--add-modules=javafx.controls\n-Dfile.encoding=UTF-8\n"));
    }

    @Test
    void everyJvmOptionBecomesOneJavaOptionsArgument() throws Exception {
        List<String> args = new Jpackage(HostOs.LINUX, app, dir, dir, QUIET)
                .appImageArgs(dir, dir, options(), dir, dir);

        assertEquals(2, Collections.frequency(args, "--java-options"));
        assertEquals("--add-modules=javafx.controls", args.get(args.indexOf("--java-options") + 1));
        assertEquals("dev.weir.app.Main", args.get(args.indexOf("--main-class") + 1));
        assertEquals("weir", args.get(args.indexOf("--name") + 1));
        assertTrue(args.get(args.indexOf("--icon") + 1).endsWith("weir.png"));
    }

    @Test
    void windowsGetsAConsoleLauncherForTerminals() throws Exception {
        List<String> args = new Jpackage(HostOs.WINDOWS, app, dir, dir, QUIET)
                .appImageArgs(dir, dir, options(), dir, dir);

        String launcher = args.get(args.indexOf("--add-launcher") + 1);
        assertTrue(launcher.startsWith("weir-cli="), launcher);
        assertTrue(Files.readAllLines(Path.of(launcher.substring("weir-cli=".length()))).contains("win-console=true"));
        assertTrue(args.get(args.indexOf("--icon") + 1).endsWith("weir.ico"));
    }

    @Test
    void linuxInstallerHasAMenuEntryWithOurDesktopFileAndTheFullSizeIcon() throws Exception {
        Path icons = Files.createDirectories(dir.resolve("icons"));
        Files.writeString(icons.resolve("weir.png"), "png");
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(Files.createDirectories(resources.resolve("linux")).resolve("weir.desktop"), "[Desktop Entry]");
        Jpackage jpackage = new Jpackage(HostOs.LINUX, app, icons, resources, QUIET);

        Path resourceDir = jpackage.resourceDir(dir.resolve("work"));
        List<String> args = jpackage.installerArgs("deb", dir.resolve("weir"), dir, resourceDir);

        assertTrue(args.contains("--linux-shortcut"));
        assertFalse(args.contains("--icon"), "with --icon jpackage would scale the menu icon to 32 px");
        assertEquals(resourceDir.toString(), args.get(args.indexOf("--resource-dir") + 1));
        assertTrue(Files.exists(resourceDir.resolve("weir.png")));
        assertTrue(Files.exists(resourceDir.resolve("weir.desktop")));
        assertEquals("LICENSE.txt", args.get(args.indexOf("--license-file") + 1));
    }

    @Test
    void macInstallerHasNoLinuxOrWindowsOptions() throws Exception {
        List<String> args = new Jpackage(HostOs.MAC, app, dir, dir, QUIET)
                .installerArgs("dmg", dir.resolve("Weir.app"), dir, dir);

        assertFalse(args.stream().anyMatch(a -> a.startsWith("--linux-") || a.startsWith("--win-")), args.toString());
    }
}
