package dev.weir.packaging;

import java.util.List;
import java.util.Locale;

/**
 * What differs between the three systems jpackage builds for: the app's name (the name of its launcher), the
 * icon format, where a runtime image keeps native libraries, and the installers that system can make.
 * jpackage only builds for the system it runs on, so the build asks the host.
 */
enum HostOs {
    /** The launcher is {@code weir} because that is the command people type; the menu entry still says "Weir". */
    LINUX("weir", "weir.png", "lib", ".so", List.of("deb", "rpm")),
    WINDOWS("Weir", "weir.ico", "bin", ".dll", List.of("msi", "exe")),
    MAC("Weir", "weir.icns", "lib", ".dylib", List.of("dmg", "pkg"));

    final String appName;
    final String iconFile;
    final String nativeLibDir;
    final String nativeLibSuffix;
    final List<String> installerTypes;

    HostOs(String appName, String iconFile, String nativeLibDir, String nativeLibSuffix, List<String> installerTypes) {
        this.appName = appName;
        this.iconFile = iconFile;
        this.nativeLibDir = nativeLibDir;
        this.nativeLibSuffix = nativeLibSuffix;
        this.installerTypes = installerTypes;
    }

    /** How the system's native library files begin: {@code libjsound.so}, but {@code jsound.dll}. */
    String nativeLibPrefix() {
        return this == WINDOWS ? "" : "lib";
    }

    static HostOs current() {
        return of(System.getProperty("os.name"));
    }

    static HostOs of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) return WINDOWS;
        if (name.startsWith("mac")) return MAC;
        if (name.startsWith("linux")) return LINUX;
        throw new IllegalArgumentException("jpackage builds installers on Linux, Windows and macOS only, not on " + osName);
    }
}
