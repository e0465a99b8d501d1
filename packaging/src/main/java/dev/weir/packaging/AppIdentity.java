package dev.weir.packaging;

import java.nio.file.Path;

/**
 * What the installers say about Weir: the values come from packaging/pom.xml, so that they are written once.
 *
 * @param mavenVersion the project version; the installers carry its numeric part ({@link AppVersion})
 * @param licenseFile  the licence text shown by installers that show one and written to the Debian copyright file
 */
record AppIdentity(String mavenVersion, String packageVersion, String vendor, String description, String copyright,
                   Path licenseFile, String mainJar, String mainClass) {
}
