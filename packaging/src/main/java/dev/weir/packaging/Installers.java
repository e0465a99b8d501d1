package dev.weir.packaging;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Builds Weir's runtime image, app image and installers for the system it runs on. packaging/pom.xml runs it in
 * the {@code package} phase with the JDK that runs Maven; every value comes from there:
 *
 * <pre>
 * java -cp packaging/target/classes dev.weir.packaging.Installers --jars DIR --javafx DIR --main-jar JAR
 *      --jvmopts FILE --icons DIR --resources DIR --out DIR --version V
 *      --vendor S --description S --copyright S --license-file FILE [--installers deb,rpm?]
 * </pre>
 *
 * {@code --version} is the Maven version (or -Dweir.package.version); the installers get its numeric part.
 * {@code --installers} lists installer types; a type ending in {@code ?} is built only when the tools it needs
 * are installed (the .rpm where rpmbuild exists). Output: {@code OUT/runtime}, {@code OUT/app-image/<name>},
 * {@code OUT/installers/*}.
 */
public final class Installers {
    private Installers() {}

    public static void main(String[] argv) {
        PrintStream log = System.out;
        try {
            run(parse(argv), log);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("packaging: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Map<String, String> args, PrintStream log) throws IOException {
        HostOs os = HostOs.current();
        Path out = Path.of(required(args, "out"));
        Path jars = Path.of(required(args, "jars"));
        AppIdentity app = new AppIdentity(AppVersion.forJpackage(required(args, "version"), os),
                required(args, "vendor"), required(args, "description"), required(args, "copyright"),
                Path.of(required(args, "license-file")), required(args, "main-jar"), "dev.weir.app.Main");
        JvmOptionsFile jvmOptions = JvmOptionsFile.read(Path.of(required(args, "jvmopts")));
        List<String> installers = installerTypes(args.getOrDefault("installers", ""), os, log, Installers::onPath);
        long started = System.nanoTime();

        List<Path> javafx = RuntimeImage.javafxModules(Path.of(required(args, "javafx")));
        List<Path> classPath;
        try (Stream<Path> files = Files.list(jars)) {
            classPath = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (!classPath.contains(jars.resolve(app.mainJar()))) {
            throw new IllegalStateException("the main jar " + app.mainJar() + " is not in " + jars);
        }

        RuntimeImage runtime = new RuntimeImage(os, log);
        Set<String> modules = runtime.modules(classPath, javafx, jvmOptions);
        log.println("packaging: modules " + String.join(",", modules));
        Path runtimeDir = out.resolve("runtime");
        runtime.link(modules, javafx, runtimeDir);

        Jpackage jpackage = new Jpackage(os, app, Path.of(required(args, "icons")), Path.of(required(args, "resources")), log);
        Path image = jpackage.appImage(jars, runtimeDir, jvmOptions, out.resolve("app-image"), out.resolve("work"));
        log.printf("packaging: app image %s, %.1f MB%n", image, megabytes(image));

        Path installerDir = out.resolve("installers");
        RuntimeImage.deleteTree(installerDir);
        for (String type : installers) {
            jpackage.installer(type, image, installerDir, out.resolve("work"));
        }
        if (Files.isDirectory(installerDir)) {
            try (Stream<Path> files = Files.list(installerDir)) {
                for (Path file : files.sorted().toList()) log.printf("packaging: %s, %.1f MB%n", file, megabytes(file));
            }
        }
        log.printf("packaging: done in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    }

    /**
     * The installer types to build. An unknown type for this system is an error; a type marked optional with
     * {@code ?} is left out, with a note, when its tools are missing; a required type with missing tools fails now
     * with the package to install rather than deep inside jpackage.
     */
    static List<String> installerTypes(String spec, HostOs os, PrintStream log, Predicate<String> installed) {
        List<String> types = new ArrayList<>();
        for (String item : spec.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) continue;
            boolean optional = entry.endsWith("?");
            String type = optional ? entry.substring(0, entry.length() - 1) : entry;
            if (!os.installerTypes.contains(type)) {
                throw new IllegalArgumentException("jpackage on " + os + " builds " + os.installerTypes + ", not '" + type + "'");
            }
            String missing = missingTools(type, installed);
            if (missing == null) {
                types.add(type);
            } else if (optional) {
                log.println("packaging: no ." + type + " (optional): " + missing);
            } else {
                throw new IllegalStateException("cannot build the ." + type + ": " + missing);
            }
        }
        return types;
    }

    /** What is missing to build {@code type} on this machine, or null. Only the Linux tools are checked here. */
    private static String missingTools(String type, Predicate<String> installed) {
        return switch (type) {
            case "deb" -> !installed.test("dpkg-deb") ? "dpkg-deb is not installed (Debian/Ubuntu: apt-get install dpkg)"
                    : !installed.test("fakeroot") ? "fakeroot is not installed (apt-get install fakeroot)" : null;
            case "rpm" -> !installed.test("rpmbuild") ? "rpmbuild is not installed (Debian/Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build)" : null;
            default -> null; // WiX on Windows and Xcode's tools on macOS: jpackage says what is missing.
        };
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + argv[i] + "'");
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }

    private static double megabytes(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
            return bytes / 1_000_000.0;
        }
    }
}
