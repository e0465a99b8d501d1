package dev.weir.engine.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfSignedCertificateTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SelfSignedCertificate.KeyType.class)
    void generatedFilesLoadBackAndServeAHandshake(SelfSignedCertificate.KeyType type) throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.generate("localhost", List.of("localhost", "127.0.0.1", "::1"),
                Duration.ofDays(30), type, Clock.systemUTC());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        made.writePem(cert, key);
        assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        ServerTls tls = ServerTls.load(cert, key);
        X509Certificate loaded = tls.chain().get(0);
        assertEquals(made.certificate(), loaded);
        assertEquals("HELLO RTMPS", TlsLoopback.echo(tls, loaded));
    }

    @Test
    void theCertificateSaysWhatClientsCheck() throws Exception {
        X509Certificate c = SelfSignedCertificate.forLocalhost().certificate();
        assertEquals("CN=localhost", c.getSubjectX500Principal().getName());
        assertEquals(-1, c.getBasicConstraints(), "not a CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.getExtendedKeyUsage(), "serverAuth");
        var sans = c.getSubjectAlternativeNames().stream().map(l -> l.get(0) + ":" + l.get(1)).toList();
        assertTrue(sans.contains("2:localhost") && sans.contains("7:127.0.0.1") && sans.stream().anyMatch(s -> s.startsWith("7:0:0:0:0:0:0:0:1")), sans.toString());
        assertEquals("EC", c.getPublicKey().getAlgorithm());
    }

    @Test
    void existingFilesAreNotOverwritten() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, "mine");
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> SelfSignedCertificate.forLocalhost().writePem(cert, dir.resolve("key.pem")));
        assertEquals(cert + " already exists; choose another name or remove it first", e.getMessage());
        assertEquals("mine", Files.readString(cert));
    }
}
