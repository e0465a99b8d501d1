package dev.weir.engine.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PEM certificate chains and private keys. Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}, what
 * {@code openssl genpkey}/{@code req -newkey} write), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1
 * ({@code BEGIN EC PRIVATE KEY}); RSA, EC and Ed25519. Encrypted keys are refused with the command that
 * decrypts them. Bouncy Castle's PEM parser does the ASN.1; the JDK's own providers hold the keys.
 */
public final class PemFiles {
    private static final long MAX_BYTES = 1024 * 1024;

    private PemFiles() {}

    /** The certificates of a PEM file, in file order (leaf first for a chain). */
    public static List<X509Certificate> readCertificates(Path file) throws TlsSetupException {
        String text = readText(file, "certificate");
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new TlsSetupException("certificate file " + file + " has no PEM certificate (-----BEGIN CERTIFICATE-----)"
                    + (text.contains("PRIVATE KEY-----") ? "; it holds a private key: swap -tls-cert and -tls-key?" : ""));
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) throw new TlsSetupException("certificate file " + file + " holds no certificate");
            return out;
        } catch (CertificateException e) {
            throw new TlsSetupException("certificate file " + file + " is not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The first private key of a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws TlsSetupException {
        String text = readText(file, "key");
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                switch (o) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        // Only the private part: SEC1 keys may omit the optional public key, and then a key pair cannot be built.
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PKCS8EncryptedPrivateKeyInfo enc -> throw encrypted(file);
                    case PEMEncryptedKeyPair enc -> throw encrypted(file);
                    default -> { } // certificates or parameters (e.g. EC PARAMETERS before the key): skip
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException("key file " + file + " is not a valid PEM private key: " + e.getMessage(), e);
        }
        throw new TlsSetupException("key file " + file + " has no PEM private key (-----BEGIN PRIVATE KEY-----)"
                + (text.contains("BEGIN CERTIFICATE") ? "; it holds a certificate: swap -tls-cert and -tls-key?" : ""));
    }

    private static TlsSetupException encrypted(Path file) {
        return new TlsSetupException("key file " + file + " is encrypted; Weir needs it unencrypted: "
                + "openssl pkey -in " + file + " -out key-plain.pem (and keep that file private)");
    }

    private static String readText(Path file, String what) throws TlsSetupException {
        try {
            if (Files.isDirectory(file)) throw new TlsSetupException(what + " file " + file + " is a directory");
            if (Files.size(file) > MAX_BYTES) throw new TlsSetupException(what + " file " + file + " is larger than 1 MiB; is it the right file?");
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(what + " file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new TlsSetupException(what + " file " + file + " is not readable (permission denied)");
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
