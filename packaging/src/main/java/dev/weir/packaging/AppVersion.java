package dev.weir.packaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version jpackage stamps on the installers. jpackage takes one to three numbers only (Windows Installer
 * reads them as major.minor.build, each with a ceiling), so a Maven version loses its qualifier:
 * {@code 0.1.0-SNAPSHOT} is packaged as {@code 0.1.0}. The program itself still reports the full Maven version.
 */
final class AppVersion {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    private AppVersion() {}

    static String forJpackage(String mavenVersion, HostOs os) {
        Matcher m = NUMBERS.matcher(mavenVersion);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("version '" + mavenVersion + "' does not start with a number; "
                    + "set -Dweir.package.version=MAJOR.MINOR.PATCH");
        }
        String numbers = m.group();
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (os == HostOs.WINDOWS && (major > 255 || minor > 255 || patch > 65535)) {
            throw new IllegalArgumentException("version " + numbers + " is beyond what Windows Installer accepts "
                    + "(major and minor at most 255, patch at most 65535)");
        }
        if (os == HostOs.MAC && major == 0) {
            // jpackage refuses it (CFBundleVersion), whatever Apple allows today.
            throw new IllegalArgumentException("jpackage on macOS refuses version " + numbers + " because its first "
                    + "number is 0; until Weir reaches 1.0 give the bundle a version with "
                    + "-Dweir.package.version=1.x.y (the program still reports " + mavenVersion + ")");
        }
        return numbers;
    }
}
