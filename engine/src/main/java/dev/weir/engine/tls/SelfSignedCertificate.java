package dev.weir.engine.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A self-signed server certificate for trying RTMPS (the console's "make a test certificate" button, and
 * tests): the Java equivalent of the seed's
 * {@code openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 -subj /CN=localhost}.
 * Carries subjectAltName entries for the given host names and addresses (clients check those, not the CN),
 * key usage digitalSignature (+keyEncipherment for RSA), extended key usage serverAuth, and is not a CA.
 *
 * @param certificate the certificate
 * @param privateKey  its key
 */
public record SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public enum KeyType { EC_P256, RSA_2048 }

    /** {@code CN=localhost}, SANs localhost, 127.0.0.1 and ::1, EC P-256, valid 365 days. */
    public static SelfSignedCertificate forLocalhost() throws TlsSetupException {
        return generate("localhost", List.of("localhost", "127.0.0.1", "::1"), Duration.ofDays(365), KeyType.EC_P256, Clock.systemUTC());
    }

    /**
     * @param commonName   the subject CN, e.g. the host name
     * @param altNames     host names and IP addresses (literal) clients will connect to
     * @param validity     from now (backdated one hour, for clocks that lag)
     */
    public static SelfSignedCertificate generate(String commonName, List<String> altNames, Duration validity, KeyType type,
                                                 Clock clock) throws TlsSetupException {
        try {
            KeyPair keys = newKeyPair(type);
            Instant now = clock.instant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            BigInteger serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(type == KeyType.RSA_2048
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans(altNames)));
            }
            String sigAlg = type == KeyType.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(sigAlg).build(keys.getPrivate())));
            return new SelfSignedCertificate(cert, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsSetupException("cannot generate a test certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.RSA_2048) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static GeneralName[] sans(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            out.add(isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        return out.toArray(new GeneralName[0]);
    }

    private static boolean isIpLiteral(String n) {
        if (n.contains(":")) return true; // IPv6; host names have no colon
        if (!n.matches("[0-9.]+")) return false;
        try {
            InetAddress.getByName(n); // a literal: no lookup happens
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The certificate as PEM ({@code BEGIN CERTIFICATE}). */
    public String certificatePem() throws TlsSetupException {
        return pem(certificate);
    }

    /** The key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as {@code openssl genpkey} writes it. */
    public String privateKeyPem() throws TlsSetupException {
        try {
            return pem(new JcaPKCS8Generator(privateKey, null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new TlsSetupException("cannot encode the key: " + e.getMessage(), e);
        }
    }

    private static String pem(Object o) throws TlsSetupException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new TlsSetupException("cannot encode PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Writes {@code cert.pem} and {@code key.pem} style files for {@code -tls-cert}/{@code -tls-key}. Existing files
     * are not overwritten (an error says so); the key file is created readable by its owner only (on POSIX systems).
     */
    public void writePem(Path certFile, Path keyFile) throws TlsSetupException {
        String certText = certificatePem();
        String keyText = privateKeyPem();
        for (Path p : List.of(certFile, keyFile)) {
            if (Files.exists(p)) throw new TlsSetupException(p + " already exists; choose another name or remove it first");
        }
        try {
            Files.writeString(certFile, certText, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, keyText, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.writeString(keyFile, keyText, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            }
        } catch (FileAlreadyExistsException e) {
            throw new TlsSetupException(e.getFile() + " already exists; choose another name or remove it first");
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the test certificate: " + e.getMessage(), e);
        }
    }
}
