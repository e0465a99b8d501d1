package dev.weir.engine.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A one-connection TLS echo over loopback: the server uses {@link ServerTls}, the client trusts only {@code trusted}. */
final class TlsLoopback {
    private TlsLoopback() {}

    /** Starts a server that echoes one line back in upper case, for one connection. */
    static SSLServerSocket echoServer(ServerTls tls, CompletableFuture<String> served) throws Exception {
        SSLServerSocket server = tls.newServerSocket(new InetSocketAddress("127.0.0.1", 0), 1);
        Thread.ofPlatform().name("test-tls-echo").daemon().start(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(5000);
                String line = readLine(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write((line.toUpperCase() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                served.complete(s.getSession().getProtocol());
            } catch (Exception e) {
                served.completeExceptionally(e);
            }
        });
        return server;
    }

    /** Connects to 127.0.0.1:{@code port}, checks the certificate and its IP address SAN, sends a line, returns the answer. */
    static String roundTrip(int port, X509Certificate trusted, String line) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the hostname (here: IP) check a real client does
            s.setSSLParameters(p);
            s.setSoTimeout(5000);
            s.startHandshake();
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return readLine(s.getInputStream());
        }
    }

    static String readLine(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') sb.append((char) c);
        return sb.toString();
    }

    static String echo(ServerTls tls, X509Certificate trusted) throws Exception {
        CompletableFuture<String> served = new CompletableFuture<>();
        try (SSLServerSocket server = echoServer(tls, served)) {
            String answer = roundTrip(server.getLocalPort(), trusted, "hello rtmps");
            served.get(5, TimeUnit.SECONDS);
            return answer;
        }
    }
}
