package dev.weir.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The .deb this build made, unpacked with {@code dpkg -x} as the package manager would lay it out (without
 * running its scripts), and run from there: what a user installs is what gets tested. Needs dpkg; fails when it
 * is missing.
 */
class LinuxPackageIT {
    private static final Path PACKAGE_DIR = Path.of(System.getProperty("weir.package.dir", "target/jpackage"));
    private static final String VERSION = System.getProperty("weir.version");

    @TempDir
    static Path root;
    static Path deb;
    static Path weir;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        assertNotNull(VERSION, "the weir.version system property (set by packaging/pom.xml)");
        Path installers = PACKAGE_DIR.resolve("installers");
        assertTrue(Files.isDirectory(installers), "no " + installers + ": the package phase builds it (was -Dweir.package.skip set?)");
        try (Stream<Path> files = Files.list(installers)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), "exactly one .deb in " + installers + ": " + debs);
            deb = debs.get(0);
        }
        assertTrue(Installers.onPath("dpkg"), "dpkg is not installed: the .deb cannot be unpacked (apt-get install dpkg)");
        Run unpack = run(List.of("dpkg", "-x", deb.toString(), root.toString()), Map.of());
        assertEquals(0, unpack.exit(), "dpkg -x failed: " + unpack.err());
        weir = root.resolve("opt/weir/bin/weir");
        assertTrue(Files.isExecutable(weir), "the package has no executable /opt/weir/bin/weir");
    }

    @Test
    void versionRunsFromTheUnpackedPackage() throws Exception {
        Run version = run(List.of(weir.toString(), "--version"), Map.of());

        assertEquals(0, version.exit(), version.err());
        assertEquals("weir " + VERSION, version.out().strip());
    }

    @Test
    void argumentsReachTheApplicationAndBadFlagsExitTwo() throws Exception {
        Run bogus = run(List.of(weir.toString(), "server", "-bogus"), Map.of());

        assertEquals(2, bogus.exit(), bogus.out() + bogus.err());
        assertTrue(bogus.err().contains("bogus"), "the error names the flag: " + bogus.err());
    }

    @Test
    void serverSaysListeningThenStopsCleanlyOnSigterm() throws Exception {
        Process server = new ProcessBuilder(weir.toString(), "server", "-listen", "127.0.0.1:0").start();
        BlockingQueue<String> stdout = lines(server.getInputStream(), "weir-server-stdout");
        BlockingQueue<String> stderr = lines(server.getErrorStream(), "weir-server-stderr");
        try {
            String listening = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (listening == null && System.nanoTime() < deadline) {
                String line = stdout.poll(100, TimeUnit.MILLISECONDS);
                if (END.equals(line)) break;
                if (line != null && line.startsWith("weir: RTMP listening on ")) listening = line;
            }
            assertNotNull(listening, "no 'weir: RTMP listening on' line within 30 s; stderr: " + printed(stderr));

            // Process.destroy() also closes our end of the child's stdout, racing its last line: signal with kill.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "weir server still runs 20 s after SIGTERM");
            assertEquals(0, server.exitValue(), "exit status after SIGTERM; stderr: " + String.join("\n", drain(stderr)));
            List<String> rest = drain(stdout);
            assertTrue(rest.contains("weir: stopped"), "stdout after SIGTERM: " + rest);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void desktopEntryAndIconAreInThePackage() throws Exception {
        Path desktop = root.resolve("opt/weir/lib/weir-weir.desktop");
        assertTrue(Files.isRegularFile(desktop), "no desktop entry at /opt/weir/lib/weir-weir.desktop");
        List<String> entry = Files.readAllLines(desktop);
        assertTrue(entry.contains("Name=Weir"), String.join("\n", entry));
        assertTrue(entry.contains("Exec=/opt/weir/bin/weir"), String.join("\n", entry));
        assertTrue(entry.contains("Icon=/opt/weir/lib/weir.png"), String.join("\n", entry));

        Path icon = root.resolve("opt/weir/lib/weir.png");
        Path drawn = Path.of(System.getProperty("weir.icons.dir", "../icons"), "weir.png");
        assertArrayEquals(pixels(drawn), pixels(icon), "the packaged icon is icons/weir.png (jpackage re-encodes it)");

        // The menu entry is installed by the package's postinst; dpkg -x does not run it, so read it.
        Path control = root.resolve("DEBIAN");
        Run extract = run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()), Map.of());
        assertEquals(0, extract.exit(), extract.err());
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("xdg-desktop-menu install /opt/weir/lib/weir-weir.desktop"), postinst);
    }

    @Test
    void runtimeHoldsJavaFxAndOnlyTheModulesWeirNeeds() throws Exception {
        Path runtime = root.resolve("opt/weir/lib/runtime");
        Run modules = run(List.of(runtime.resolve("bin/java").toString(), "--list-modules"), Map.of());
        assertEquals(0, modules.exit(), modules.err());
        List<String> names = modules.out().lines().map(l -> l.replaceFirst("@.*", "")).toList();

        for (String needed : List.of("java.base", "javafx.controls", "javafx.fxml", "jdk.unsupported", "java.net.http", "java.naming")) {
            assertTrue(names.contains(needed), needed + " missing from " + names);
        }
        for (String developmentOnly : List.of("jdk.compiler", "jdk.jlink", "jdk.jpackage", "jdk.jshell", "jdk.localedata")) {
            assertFalse(names.contains(developmentOnly), developmentOnly + " should not be in " + names);
        }
        // JavaFX's native libraries beside the JVM's, so JavaFX does not unpack them to ~/.openjfx at each new version.
        for (String library : List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libjavafx_font.so")) {
            assertTrue(Files.isRegularFile(runtime.resolve("lib").resolve(library)), library + " missing from the runtime");
        }
        // What the build takes out of the runtime because nothing Weir does reads it (the size target).
        for (String unused : List.of("classlist", "jrt-fs.jar", "libsplashscreen.so", "libjsound.so", "server/classes_nocoops.jsa")) {
            assertFalse(Files.exists(runtime.resolve("lib").resolve(unused)), unused + " should have been removed from the runtime");
        }
        assertTrue(Files.isRegularFile(runtime.resolve("lib/server/classes.jsa")), "the CDS archive stays");
    }

    @Test
    void classDataSharingArchiveIsUsed() throws Exception {
        // -Xshare:on makes the JVM refuse to start when it cannot map the archive, instead of starting slower.
        Run shared = run(List.of(weir.toString(), "--version"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));

        assertEquals(0, shared.exit(), "the runtime's CDS archive does not map: " + shared.out() + shared.err());
    }

    @Test
    void appImageStaysUnder100Megabytes() throws Exception {
        Path image = PACKAGE_DIR.resolve("app-image/weir");
        long bytes;
        try (Stream<Path> files = Files.walk(image)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        assertTrue(bytes > 20_000_000, "suspiciously small app image: " + bytes + " bytes");
        assertTrue(bytes < 100_000_000, "the app image is " + bytes + " bytes; the target is under 100 MB (docs/install.md)");
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a PNG");
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    record Run(int exit, String out, String err) {}

    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        BlockingQueue<String> out = lines(process.getInputStream(), "out-" + command.get(0));
        BlockingQueue<String> err = lines(process.getErrorStream(), "err-" + command.get(0));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), String.join("\n", drain(out)), String.join("\n", drain(err)));
    }

    /** Reads a stream line by line on its own thread, so that a full pipe never blocks the child. */
    private static BlockingQueue<String> lines(InputStream stream, String threadName) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            } finally {
                lines.add(END);
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static final String END = "\u0000end";

    /** What a reader has collected so far, without waiting for more. */
    private static String printed(BlockingQueue<String> lines) {
        return String.join("\n", lines.stream().filter(l -> !l.equals(END)).toList());
    }

    /** Everything the reader thread will still deliver, up to the end of the stream. */
    private static List<String> drain(BlockingQueue<String> lines) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null && !line.equals(END); ) rest.add(line);
        return rest;
    }
}
