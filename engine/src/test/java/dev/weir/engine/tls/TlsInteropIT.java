package dev.weir.engine.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLServerSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenSSL's own client against {@link ServerTls} with a {@link SelfSignedCertificate}: proves the generated
 * certificate verifies in a non-Java TLS stack (hostname and IP checks included) and that the server speaks TLS a
 * real peer accepts. Needs the {@code openssl} binary (fails without it, as every interop test does).
 */
class TlsInteropIT {
    @TempDir
    Path dir;

    @Test
    void opensslClientVerifiesTheTestCertificateAndTalks() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.forLocalhost().writePem(cert, key);
        ServerTls tls = ServerTls.load(cert, key);

        CompletableFuture<String> served = new CompletableFuture<>();
        try (SSLServerSocket server = TlsLoopback.echoServer(tls, served)) {
            Process p = new ProcessBuilder(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.getLocalPort(),
                    "-servername", "localhost", "-CAfile", cert.toString(), "-verify_return_error",
                    "-verify_hostname", "localhost", "-verify_ip", "127.0.0.1", "-brief"))
                    .redirectErrorStream(true).start();
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            StringBuilder all = new StringBuilder();
            Thread.ofPlatform().name("test-openssl-output").daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) lines.add(l);
                } catch (Exception ignored) {
                    // process ended
                }
            });
            try {
                String line;
                while ((line = lines.poll(10, TimeUnit.SECONDS)) != null && !line.startsWith("Verification")) all.append(line).append('\n');
                all.append(line).append('\n');
                assertEquals("Verification: OK", line, all.toString());
                OutputStream stdin = p.getOutputStream();
                stdin.write("hello from openssl\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                String echoed = null;
                while ((line = lines.poll(10, TimeUnit.SECONDS)) != null) {
                    all.append(line).append('\n');
                    if (line.equals("HELLO FROM OPENSSL")) {
                        echoed = line;
                        break;
                    }
                }
                assertEquals("HELLO FROM OPENSSL", echoed, all.toString());
                String protocol = served.get(10, TimeUnit.SECONDS);
                assertTrue(protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"), protocol);
                assertTrue(all.toString().contains("Protocol version: " + protocol), all.toString());
            } finally {
                p.getOutputStream().close();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }
}
