package dev.weir.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java runtime the installers ship: a jlink image of the JDK running the build, holding only the modules
 * Weir needs, with JavaFX linked in (so the installed app needs no module path and JavaFX finds its native
 * libraries beside the JVM's, the way JavaFX's own jmods lay them out).
 */
final class RuntimeImage {
    /**
     * Modules linked whatever jdeps finds: some are found at run time (service providers), some are about to be
     * used by work in progress, and one is needed for a clean stop and must never fall out by accident.
     */
    static final List<String> ALWAYS_LINKED = List.of(
            "jdk.crypto.ec",   // elliptic-curve TLS (RTMPS, HTTPS webhooks): a provider module up to JDK 21, empty later
            "java.net.http",   // the HTTP client of webhooks and auth callbacks
            "jdk.unsupported"); // sun.misc.Signal: SIGTERM/SIGINT stop `weir server` cleanly

    private final JdkTool jdeps;
    private final JdkTool jlink;
    private final HostOs os;
    private final PrintStream log;

    RuntimeImage(HostOs os, PrintStream log) {
        this.jdeps = JdkTool.of("jdeps", log);
        this.jlink = JdkTool.of("jlink", log);
        this.os = os;
        this.log = log;
    }

    /**
     * The modules to link: what jdeps finds the jars use, what the JVM options add with --add-modules, and
     * {@link #ALWAYS_LINKED} (those this JDK has).
     */
    Set<String> modules(List<Path> classPathJars, List<Path> javafxJars, JvmOptionsFile jvmOptions) {
        List<String> args = new ArrayList<>(List.of(
                "--multi-release", Integer.toString(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps",
                "--module-path", pathList(javafxJars)));
        classPathJars.forEach(jar -> args.add(jar.toString()));
        String printed = jdeps.capture(args);
        String lastLine = printed.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        Set<String> modules = new TreeSet<>(Arrays.asList(lastLine.strip().split(",")));
        modules.removeIf(String::isBlank);
        if (!modules.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no module list (expected at least java.base):\n" + printed);
        }
        modules.addAll(jvmOptions.addedModules());
        ModuleFinder jdk = ModuleFinder.ofSystem();
        ALWAYS_LINKED.stream().filter(m -> jdk.find(m).isPresent()).forEach(modules::add);
        return modules;
    }

    /** Links the runtime into {@code output} (replacing it) and lays the JavaFX native libraries beside the JVM's. */
    void link(Collection<String> modules, List<Path> javafxJars, Path output) throws IOException {
        deleteTree(output);
        List<Path> modulePath = new ArrayList<>(javafxJars);
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Files.isDirectory(jmods)) modulePath.add(jmods); // a JDK without jmods links from its own image (JEP 493)
        jlink.run(List.of(
                "--module-path", pathList(modulePath),
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-9",
                // Class-data sharing archive of the JDK classes: the JVM maps it instead of parsing those classes
                // (docs/install.md has what it gives). jlink makes it by running bin/java of the new image, so
                // --strip-native-commands cannot be used; bin/java and bin/keytool cost some 30 kB.
                "--generate-cds-archive",
                "--output", output.toString()));
        // The CDS archive for uncompressed object pointers serves only heaps over 32 GB; not worth its 15 MB here.
        try (Stream<Path> files = Files.walk(output)) {
            for (Path archive : files.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).toList()) {
                Files.delete(archive);
            }
        }
        // Files of the runtime that nothing Weir does reads (docs/install.md, "Targets"): the class list jlink
        // dumped the CDS archive from (done above), the jrt file system for *other* JDKs to read this image, the
        // splash-screen and javax.sound libraries. Named one by one, so a new JDK cannot take more than meant.
        for (String unused : UNUSED_RUNTIME_FILES) {
            for (String dir : List.of("lib", "bin")) {
                Files.deleteIfExists(output.resolve(dir).resolve(unused.replace("$LIB", os.nativeLibPrefix())
                        .replace("$SUFFIX", os.nativeLibSuffix)));
            }
        }
        // The JDK's own command-line tools that the linked modules bring (keytool, jrunscript, jwebserver): Weir
        // runs none of them, and --strip-native-commands would also take bin/java, which jlink needs above to
        // write the CDS archive. Only the java launcher stays.
        try (Stream<Path> tools = Files.list(output.resolve("bin"))) {
            for (Path tool : tools.filter(p -> !p.getFileName().toString().matches("java(\\.exe)?|.*\\.dll")).toList()) {
                Files.delete(tool);
            }
        }
        int copied = 0;
        Path nativeDir = output.resolve(os.nativeLibDir);
        for (Path jar : javafxJars) copied += copyNativeLibraries(jar, nativeDir);
        if (os == HostOs.LINUX) stripSymbolTables(output);
        log.println("packaging: runtime " + output + " with " + modules.size() + " modules and " + copied
                + " JavaFX native libraries");
    }

    /**
     * Temurin's Linux libraries keep their symbol tables (libjvm alone 5 MB of its 30); jlink's
     * --strip-native-debug-symbols removes debug sections only. The code is unchanged, so an address in a crash
     * log still resolves against the same JDK build's own libjvm.so.
     */
    private void stripSymbolTables(Path runtime) throws IOException {
        if (!Installers.onPath("strip")) {
            log.println("packaging: no 'strip' (binutils): native symbol tables stay, the image is some 6 MB larger");
            return;
        }
        List<String> command = new ArrayList<>(List.of("strip", "--strip-unneeded"));
        try (Stream<Path> files = Files.walk(runtime.resolve("lib"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(p -> command.add(p.toString()));
        }
        try {
            Process strip = new ProcessBuilder(command).inheritIO().start();
            if (strip.waitFor() != 0) throw new IllegalStateException("strip failed (exit " + strip.exitValue() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stripping the runtime's libraries", e);
        }
    }

    /**
     * The platform jars of JavaFX on Maven Central carry their native libraries at the root; at run time JavaFX
     * looks for them in the runtime's library directory first and only then unpacks them to ~/.openjfx/cache.
     */
    private int copyNativeLibraries(Path jar, Path nativeDir) throws IOException {
        int copied = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("/") || !name.endsWith(os.nativeLibSuffix)) continue;
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, nativeDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                copied++;
            }
        }
        return copied;
    }

    /** The JavaFX jars that are modules: Maven Central also ships empty, non-modular jars without a classifier. */
    /** See {@link #build}: {@code $LIB} is the OS's library prefix, {@code $SUFFIX} its library ending. */
    static final List<String> UNUSED_RUNTIME_FILES = List.of(
            "classlist", "jrt-fs.jar", "$LIBsplashscreen$SUFFIX", "$LIBjsound$SUFFIX");

    static List<Path> javafxModules(Path javafxDir) throws IOException {
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> files = Files.list(javafxDir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getEntry("module-info.class") != null) modules.add(jar);
                }
            }
        }
        if (modules.isEmpty()) throw new IllegalStateException("no JavaFX module jars in " + javafxDir);
        return modules;
    }

    static String pathList(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
