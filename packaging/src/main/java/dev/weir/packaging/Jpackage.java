package dev.weir.packaging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * jpackage's two steps: the app image (launcher, runtime, jars, JVM options, icon), then each installer built
 * from that same image, so every installer of one build holds exactly the same bits.
 */
final class Jpackage {
    /** Keeps the Windows product code family stable so that a newer MSI upgrades an installed Weir in place. */
    static final String WINDOWS_UPGRADE_UUID = "7ad84d49-3377-4913-9cb1-9f61f974997b";
    /** The macOS bundle identifier, in the reverse-DNS form of the package root. */
    static final String MAC_BUNDLE_ID = "dev.weir.console";
    /** The Windows launcher for terminals: the main one is a GUI program, which Windows gives no console. */
    static final String WINDOWS_CONSOLE_LAUNCHER = "weir-cli";

    private final HostOs os;
    private final AppIdentity app;
    private final Path icons;
    private final Path resources;
    private final JdkTool jpackage;

    Jpackage(HostOs os, AppIdentity app, Path icons, Path resources, PrintStream log) {
        this.os = os;
        this.app = app;
        this.icons = icons;
        this.resources = resources;
        this.jpackage = JdkTool.of("jpackage", log);
    }

    /** Builds the app image in {@code dest} and returns its path (a {@code .app} bundle on macOS). */
    Path appImage(Path input, Path runtime, JvmOptionsFile jvmOptions, Path dest, Path work) throws IOException {
        RuntimeImage.deleteTree(dest);
        Files.createDirectories(work);
        jpackage.run(appImageArgs(input, runtime, jvmOptions, dest, work));
        return dest.resolve(os == HostOs.MAC ? os.appName + ".app" : os.appName);
    }

    List<String> appImageArgs(Path input, Path runtime, JvmOptionsFile jvmOptions, Path dest, Path work) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", dest.toString(),
                "--input", input.toString(),
                "--main-jar", app.mainJar(),
                "--main-class", app.mainClass(),
                "--runtime-image", runtime.toString()));
        args.addAll(identityArgs());
        args.addAll(List.of("--icon", icons.resolve(os.iconFile).toString()));
        // Each line of weir.jvmopts is one option (JvmOptionsFile refuses spaces, which jpackage would split at).
        for (String option : jvmOptions.options()) args.addAll(List.of("--java-options", option));
        switch (os) {
            case WINDOWS -> {
                Path properties = work.resolve(WINDOWS_CONSOLE_LAUNCHER + ".properties");
                // A console program, and no shortcuts of its own: the Start menu entry is for the console window.
                Files.writeString(properties, "win-console=true\nwin-shortcut=false\nwin-menu=false\n");
                args.addAll(List.of("--add-launcher", WINDOWS_CONSOLE_LAUNCHER + "=" + properties));
            }
            case MAC -> args.addAll(List.of(
                    "--mac-package-identifier", MAC_BUNDLE_ID,
                    "--mac-package-name", "Weir",
                    "--mac-app-category", "public.app-category.video"));
            case LINUX -> { }
        }
        return args;
    }

    /** Builds one installer ({@code deb}, {@code rpm}, {@code msi}, {@code exe}, {@code dmg}, {@code pkg}) from the app image. */
    void installer(String type, Path appImage, Path dest, Path work) throws IOException {
        Files.createDirectories(dest);
        jpackage.run(installerArgs(type, appImage, dest, resourceDir(work)));
    }

    /**
     * jpackage's resource directory for this system: our files from {@code src/main/jpackage/<os>} (the Linux
     * desktop entry) and, on Linux, the icon. Given as a resource the icon is installed as drawn; given with
     * --icon, jpackage scales it down to 32 px for the menu.
     */
    Path resourceDir(Path work) throws IOException {
        Path dir = work.resolve("resources");
        RuntimeImage.deleteTree(dir);
        Files.createDirectories(dir);
        Path ours = resources.resolve(os.name().toLowerCase(java.util.Locale.ROOT));
        if (Files.isDirectory(ours)) {
            try (var files = Files.list(ours)) {
                for (Path file : files.toList()) Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        if (os == HostOs.LINUX) Files.copy(icons.resolve(os.iconFile), dir.resolve(os.appName + ".png"));
        return dir;
    }

    List<String> installerArgs(String type, Path appImage, Path dest, Path resourceDir) {
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", appImage.toString(),
                "--dest", dest.toString(),
                "--resource-dir", resourceDir.toString(),
                "--license-file", app.licenseFile().toString()));
        args.addAll(identityArgs());
        switch (os) {
            case LINUX -> args.addAll(List.of(
                    "--linux-package-name", "weir",
                    "--linux-deb-maintainer", "packaging@weir.invalid",
                    "--linux-app-category", "video",
                    "--linux-menu-group", "AudioVideo;Video;Network;",
                    "--linux-rpm-license-type", "Proprietary",
                    "--linux-shortcut"));
            case WINDOWS -> args.addAll(List.of(
                    "--win-menu", "--win-menu-group", "Weir",
                    "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
            case MAC -> { }
        }
        return args;
    }

    private List<String> identityArgs() {
        return List.of(
                "--name", os.appName,
                "--app-version", app.packageVersion(),
                "--vendor", app.vendor(),
                "--description", app.description(),
                "--copyright", app.copyright());
    }
}
