package dev.weir.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real peer program started by a test, with its stdout+stderr going to a log file whose tail is shown in
 * failure messages. Closing it kills the process if it still runs.
 */
public final class PeerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} (its first item a binary name, resolved with {@link PeerBinaries}). */
    public static PeerProcess start(Path workDir, String label, List<String> command) {
        return start(workDir, label, command, java.util.Map.of());
    }

    /** As {@link #start(Path, String, List)}, with extra environment variables. */
    public static PeerProcess start(Path workDir, String label, List<String> command, java.util.Map<String, String> env) {
        List<String> resolved = new java.util.ArrayList<>(command);
        resolved.set(0, PeerBinaries.require(command.get(0)).toString());
        Path log = workDir.resolve(label + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(resolved);
            builder.environment().putAll(env);
            Process p = builder
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new PeerProcess(label, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + label + ": " + String.join(" ", resolved), e);
        }
    }

    /** Waits for the process to end; fails with its log tail when it runs too long. Returns its exit code. */
    public int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + timeout + "\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name, e);
        }
    }

    /** Waits and requires exit code 0. */
    public void awaitSuccess(Duration timeout) {
        int code = await(timeout);
        if (code != 0) {
            throw new AssertionError(name + " exited with " + code + "\n" + logTail());
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process to stop (SIGTERM), waits a little, then kills it. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + name, e);
        }
    }

    /** The last lines the process printed, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- " + name + " log (" + log + ") ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log from " + name + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
