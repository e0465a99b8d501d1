package dev.weir.engine.tls;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerTlsTest {
    @TempDir
    Path dir;

    static Path golden(String name) throws URISyntaxException {
        return Path.of(ServerTlsTest.class.getResource("/golden/tls/" + name).toURI());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"ec-cert.pem, ec-pkcs8-key.pem", "rsa-cert.pem, rsa-pkcs1-key.pem", "ec-sec1-cert.pem, ec-sec1-key.pem"})
    void loadsWhatOpensslWrites(String cert, String key) throws Exception {
        ServerTls tls = ServerTls.load(golden(cert), golden(key));
        assertEquals("CN=localhost", tls.chain().get(0).getSubjectX500Principal().getName());
        assertEquals("HELLO RTMPS", TlsLoopback.echo(tls, tls.chain().get(0)));
    }

    @Test
    void aPkcs1KeyOfAFreshCertificateLoads() throws Exception {
        // (Only RSA: Bouncy Castle writes the JDK's EC keys as SEC1 without the curve, which no tool can read;
        // SEC1 is covered by OpenSSL's ec-sec1-key.pem above.)
        SelfSignedCertificate made = SelfSignedCertificate.generate("x", List.of(), Duration.ofDays(1),
                SelfSignedCertificate.KeyType.RSA_2048, Clock.systemUTC());
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(made.privateKey());
        }
        assertTrue(pem.toString().startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem.toString());
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Files.writeString(key, pem.toString());
        Files.writeString(cert, made.certificatePem());
        assertEquals(made.certificate(), ServerTls.load(cert, key).chain().get(0));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-cert.pem"), golden("ec-sec1-key.pem")));
        assertEquals("the private key in " + golden("ec-sec1-key.pem") + " does not belong to the certificate in "
                + golden("ec-cert.pem") + " (CN=localhost); give the key the certificate was made for", e.getMessage());
        TlsSetupException rsa = assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-cert.pem"), golden("rsa-pkcs1-key.pem")));
        assertTrue(rsa.getMessage().contains("does not belong to the certificate"), rsa.getMessage());
    }

    @Test
    void unusableFilesAreNamed() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertEquals("certificate file " + missing + " does not exist",
                assertThrows(TlsSetupException.class, () -> ServerTls.load(missing, golden("ec-pkcs8-key.pem"))).getMessage());
        assertEquals("key file " + missing + " does not exist",
                assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-cert.pem"), missing)).getMessage());
        assertEquals("certificate file " + golden("ec-pkcs8-key.pem") + " has no PEM certificate (-----BEGIN CERTIFICATE-----); "
                        + "it holds a private key: swap -tls-cert and -tls-key?",
                assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-pkcs8-key.pem"), golden("ec-cert.pem"))).getMessage());
        assertEquals("key file " + golden("ec-cert.pem") + " has no PEM private key (-----BEGIN PRIVATE KEY-----); "
                        + "it holds a certificate: swap -tls-cert and -tls-key?",
                assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-cert.pem"), golden("ec-cert.pem"))).getMessage());
        TlsSetupException enc = assertThrows(TlsSetupException.class, () -> ServerTls.load(golden("ec-cert.pem"), golden("ec-encrypted-key.pem")));
        assertTrue(enc.getMessage().startsWith("key file " + golden("ec-encrypted-key.pem") + " is encrypted; Weir needs it unencrypted: openssl pkey -in "),
                enc.getMessage());
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(TlsSetupException.class, () -> ServerTls.load(garbage, golden("ec-pkcs8-key.pem"))).getMessage()
                .startsWith("certificate file " + garbage + " is not a valid PEM certificate"));
    }

    @Test
    void onlyModernProtocolsAreOffered() throws Exception {
        ServerTls tls = ServerTls.load(golden("ec-cert.pem"), golden("ec-pkcs8-key.pem"));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(tls.newEngine().getEnabledProtocols()));
        try (var s = tls.newServerSocket(new java.net.InetSocketAddress("127.0.0.1", 0), 1)) {
            assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(s.getEnabledProtocols()));
        }
        assertTrue(tls.describe().startsWith("CN=localhost, EC, valid until 21"), tls.describe());
    }
}
