package dev.weir.engine.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The server side of TLS for RTMPS ({@code -tls-cert}, {@code -tls-key}): an {@link SSLContext} holding the
 * certificate chain and its key, checked to belong together, offering TLS 1.3 and 1.2 only.
 *
 * <p>A blocking listener uses {@link #newServerSocket}; a non-blocking one wraps each accepted channel in
 * {@link #newEngine()}. Either way the RTMP handshake then runs over the decrypted stream unchanged.
 */
public final class ServerTls {
    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);
    /** Older protocols are refused: ffmpeg, OBS and every current client speak 1.2 or 1.3. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final List<X509Certificate> chain;

    private ServerTls(SSLContext context, List<X509Certificate> chain) {
        this.context = context;
        this.chain = List.copyOf(chain);
    }

    /** Loads and checks {@code -tls-cert} and {@code -tls-key}. */
    public static ServerTls load(Path certFile, Path keyFile) throws TlsSetupException {
        return load(certFile, keyFile, Clock.systemUTC());
    }

    static ServerTls load(Path certFile, Path keyFile, Clock clock) throws TlsSetupException {
        List<X509Certificate> chain = PemFiles.readCertificates(certFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        X509Certificate leaf = chain.get(0);
        if (!belongTogether(key, leaf.getPublicKey())) {
            throw new TlsSetupException("the private key in " + keyFile + " does not belong to the certificate in " + certFile
                    + " (" + leaf.getSubjectX500Principal().getName() + "); give the key the certificate was made for");
        }
        Instant now = clock.instant();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            log.warn("TLS certificate {} ({}) expired on {}; clients will refuse it", certFile, leaf.getSubjectX500Principal().getName(), leaf.getNotAfter().toInstant());
        } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
            log.warn("TLS certificate {} ({}) is not valid before {}; clients will refuse it", certFile, leaf.getSubjectX500Principal().getName(), leaf.getNotBefore().toInstant());
        }
        return fromKey(key, chain);
    }

    /** An SSLContext for a key and chain already in memory (e.g. a fresh {@link SelfSignedCertificate}). */
    public static ServerTls fromKey(PrivateKey key, List<X509Certificate> chain) throws TlsSetupException {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("weir", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return new ServerTls(context, chain);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot set up TLS with this key and certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code key} is the private half of {@code pub}: signs a random challenge and verifies it. Works for
     * every key type the JDK signs with, without comparing algorithm-specific numbers.
     */
    static boolean belongTogether(PrivateKey key, PublicKey pub) throws TlsSetupException {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) return false;
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new TlsSetupException("keys of type " + key.getAlgorithm() + " are not supported; use RSA or EC");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(alg);
            signer.initSign(key);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(pub);
            verifier.update(challenge);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public SSLContext context() {
        return context;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** A factory whose sockets offer only {@link #PROTOCOLS}. */
    public SSLServerSocketFactory serverSocketFactory() {
        return context.getServerSocketFactory();
    }

    /** A bound TLS server socket offering only {@link #PROTOCOLS}. */
    public SSLServerSocket newServerSocket(InetSocketAddress bind, int backlog) throws IOException {
        SSLServerSocket s = (SSLServerSocket) serverSocketFactory().createServerSocket();
        s.setSSLParameters(parameters());
        s.setReuseAddress(true);
        s.bind(bind, backlog);
        return s;
    }

    /** A server-mode engine for one accepted connection of a non-blocking listener. */
    public SSLEngine newEngine() {
        SSLEngine e = context.createSSLEngine();
        e.setUseClientMode(false);
        e.setSSLParameters(parameters());
        return e;
    }

    private SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS);
        p.setNeedClientAuth(false);
        p.setApplicationProtocols(new String[0]);
        return p;
    }

    /** e.g. {@code CN=localhost, EC, valid until 2027-11-21T05:00:00Z}: for the log line when RTMPS starts. */
    public String describe() {
        X509Certificate leaf = chain.get(0);
        return leaf.getSubjectX500Principal().getName() + ", " + leaf.getPublicKey().getAlgorithm() + ", valid until "
                + leaf.getNotAfter().toInstant() + (chain.size() > 1 ? ", chain of " + chain.size() : "");
    }
}
