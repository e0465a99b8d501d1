package dev.weir.engine.testing.peers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code srt-live-transmit} (Debian srt-tools, libsrt 1.5.x) for interop tests. Its output goes to a
 * temporary log the test can show on failure. Missing binary = failed test (never skipped). Closing stops it.
 */
public final class SrtLiveTransmit implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/srt-live-transmit");

    private final Process process;
    private final Path log;

    private SrtLiveTransmit(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code srt-live-transmit <args>}, e.g. {@code "udp://:5000", "srt://:6000?mode=listener"}. */
    public static SrtLiveTransmit start(String... args) throws IOException {
        assertTrue(Files.isExecutable(BINARY), "srt-live-transmit (Debian package srt-tools) must be installed");
        Path log = Files.createTempFile("srt-live-transmit", ".log");
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SrtLiveTransmit(p, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(3, TimeUnit.SECONDS);
        }
    }
}
