package dev.weir.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nginx with Debian's nginx-rtmp module (libnginx-mod-rtmp), in the foreground, with its own
 * configuration in a test directory: one RTMP server on 127.0.0.1:{@code port} with a live application
 * {@code live} ({@code idle_streams off}: players are closed when the publisher leaves, so readers end). Missing nginx or the module fails the test.
 */
public final class NginxRtmp implements AutoCloseable {
    public static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    private final PeerProcess process;
    private final int port;
    private final Path pidFile;

    private NginxRtmp(PeerProcess process, int port, Path pidFile) {
        this.process = process;
        this.port = port;
        this.pidFile = pidFile;
    }

    /** Starts nginx on {@code port} and waits until it accepts connections. */
    public static NginxRtmp start(Path dir, String label, int port) {
        if (!Files.isRegularFile(MODULE)) {
            throw new AssertionError(MODULE + " is missing: install libnginx-mod-rtmp");
        }
        try {
            Path prefix = Files.createDirectories(dir.resolve(label + "-nginx"));
            String conf = String.join("\n",
                    "load_module " + MODULE + ";",
                    "daemon off;",
                    "master_process off;",
                    "pid " + prefix.resolve("nginx.pid") + ";",
                    "error_log " + prefix.resolve("error.log") + " info;",
                    "events { worker_connections 128; }",
                    "rtmp {",
                    "  server {",
                    "    listen 127.0.0.1:" + port + ";",
                    "    chunk_size 4096;",
                    "    application live { live on; idle_streams off; }",
                    "  }",
                    "}", "");
            Path confFile = prefix.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            PeerProcess p = PeerProcess.start(dir, label, List.of("nginx", "-p", prefix.toString(), "-e",
                    prefix.resolve("error.log").toString(), "-c", confFile.toString()));
            NginxRtmp n = new NginxRtmp(p, port, prefix.resolve("nginx.pid"));
            n.awaitListening(Duration.ofSeconds(10));
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("nginx exited at start\n" + process.logTail());
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("nginx did not listen on " + port + " within " + timeout + "\n" + process.logTail());
    }

    public int port() {
        return port;
    }

    public String url(String key) {
        return "rtmp://127.0.0.1:" + port + "/" + key;
    }

    /** Freezes nginx (SIGSTOP): it keeps its connections open and reads nothing, as a hung destination. */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a paused nginx run again (SIGCONT). */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            String pid = Files.readString(pidFile).strip();
            Process kill = new ProcessBuilder("kill", which, pid).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill " + which + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops nginx (SIGTERM, then SIGKILL), as a destination going away. */
    public void kill() {
        process.close();
    }

    @Override
    public void close() {
        process.close();
    }
}
