package dev.weir.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code weir server} with access control, as an operator runs it: a separate process with
 * {@code -auth-mode file}; ffmpeg publishes with a token; the token file is edited and the process gets SIGHUP;
 * the new token works at once and the running stream is not dropped. Also: the RTMPS and metrics lines, and the
 * metrics endpoint answering.
 */
class ServerReloadProcessIT {
    private static final Pattern LINE = Pattern.compile("weir: (RTMP|RTMPS) listening on (\\S+):(\\d+)");
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(BlockingQueue<String> stdout, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("server-stderr.log").toFile()).start();
        started.add(p);
        Thread.ofVirtual().name("server-stdout").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) stdout.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return p;
    }

    private Process server(BlockingQueue<String> stdout, String... flags) throws IOException {
        Path home = Path.of(System.getProperty("weir.app.home", "target"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("weir-app.jar") + java.io.File.pathSeparator + home.resolve("lib") + "/*",
                "dev.weir.app.Main", "server"));
        cmd.addAll(List.of(flags));
        return start(stdout, cmd);
    }

    private Process ffmpegPublish(String url, int seconds) throws IOException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac",
                "-f", "flv", url).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static String line(BlockingQueue<String> out, String startsWith) throws InterruptedException {
        for (String l; (l = out.poll(30, TimeUnit.SECONDS)) != null; ) {
            if (l.startsWith(startsWith)) return l;
        }
        throw new AssertionError("no line starting with '" + startsWith + "'");
    }

    @Test
    void sighupReloadsTheTokenFileWithoutDroppingTheRunningStream() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"live/a\": \"token-a\"}");
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Process server = server(out, "-listen", "127.0.0.1:0", "-auth-mode", "file", "-auth-file", tokens.toString(),
                "-log-level", "warn");
        Matcher m = LINE.matcher(line(out, "weir: RTMP listening"));
        assertTrue(m.matches());
        String base = "rtmp://127.0.0.1:" + m.group(3) + "/live/";

        Process running = ffmpegPublish(base + "a?token=token-a", 20);
        Thread.sleep(2000);
        assertTrue(running.isAlive(), "publisher with the token runs");

        Process before = ffmpegPublish(base + "b?token=token-b", 2);
        assertTrue(before.waitFor(20, TimeUnit.SECONDS));
        assertNotEquals(0, before.exitValue(), "token-b is not valid yet");

        Files.writeString(tokens, "{\"live/a\": \"token-a\", \"live/b\": \"token-b\"}");
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start();
        assertTrue(hup.waitFor(10, TimeUnit.SECONDS) && hup.exitValue() == 0);
        String reloaded = line(out, "weir: auth file");
        assertEquals("weir: auth file " + tokens + " reloaded: 1 added [live/b], 0 removed [], 0 changed []", reloaded);

        Process after = ffmpegPublish(base + "b?token=token-b", 3);
        assertTrue(after.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, after.exitValue(), new String(after.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        // A broken file: the reload is refused, the old tokens stay.
        Files.writeString(tokens, "{\"live/a\": ");
        new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertTrue(line(out, "weir: auth file reload failed").contains("previous tokens stay in force"));

        // The stream admitted before the reloads was never dropped: a player reads it and the publisher ends cleanly.
        Path received = dir.resolve("a.flv");
        Process player = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", base + "a?token=token-a", "-t", "3",
                "-c", "copy", received.toString()).redirectErrorStream(true).start();
        started.add(player);
        assertTrue(player.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, player.exitValue(), new String(player.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(Files.size(received) > 10_000, "the player got media");
        assertTrue(running.waitFor(40, TimeUnit.SECONDS));
        assertEquals(0, running.exitValue(), new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        server.toHandle().destroy(); // SIGTERM, leaving its stdout readable
        assertTrue(server.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, server.exitValue());
        assertEquals("weir: stopped", line(out, "weir: stopped"));
    }

    @Test
    void rtmpsAndMetricsPrintTheirLinesAndAnswer() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        dev.weir.engine.tls.SelfSignedCertificate.forLocalhost().writePem(cert, key);
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Process server = server(out, "-listen", "127.0.0.1:0", "-tls-listen", "127.0.0.1:0", "-tls-cert", cert.toString(),
                "-tls-key", key.toString(), "-metrics-addr", "127.0.0.1:0", "-log-level", "warn");
        assertTrue(LINE.matcher(line(out, "weir: RTMP listening")).matches());
        Matcher tls = LINE.matcher(line(out, "weir: RTMPS listening"));
        assertTrue(tls.matches());
        String metrics = line(out, "weir: metrics on http://");
        Matcher mm = Pattern.compile("weir: metrics on (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(metrics);
        assertTrue(mm.matches(), metrics);

        Process publisher = ffmpegPublish("rtmps://127.0.0.1:" + tls.group(3) + "/live/tls", 3);
        assertTrue(publisher.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, publisher.exitValue(), new String(publisher.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mm.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("weir_listener_up{listener=\"rtmps:127.0.0.1:" + tls.group(3) + "\",protocol=\"rtmps\"} 1"), r.body());
        }
        server.toHandle().destroy();
        assertTrue(server.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, server.exitValue());
    }

    @Test
    void anUnusableCertificateIsAOneLineErrorAndExitOne() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, "not a certificate");
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Process server = server(out, "-listen", "127.0.0.1:0", "-tls-listen", "127.0.0.1:0", "-tls-cert", cert.toString(),
                "-tls-key", cert.toString());
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("server-stderr.log"));
        assertEquals(1, server.exitValue(), err);
        assertTrue(err.contains("weir server: ") && err.contains(cert.toString()) && !err.contains("\tat "), err);
    }
}
