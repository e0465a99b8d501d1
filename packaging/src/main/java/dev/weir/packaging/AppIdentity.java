package dev.weir.packaging;

import java.nio.file.Path;

/**
 * What the installers say about Weir: the values come from packaging/pom.xml, so that they are written once.
 *
 * @param packageVersion the numeric version jpackage stamps on the installers ({@link AppVersion})
 * @param licenseFile  the licence text shown by installers that show one and written to the Debian copyright file
 */
record AppIdentity(String packageVersion, String vendor, String description, String copyright,
                   Path licenseFile, String mainJar, String mainClass) {
}
