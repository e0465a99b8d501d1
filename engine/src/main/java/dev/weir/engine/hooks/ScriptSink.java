package dev.weir.engine.hooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code -hook-script event=/path/to/script}: runs the program directly (no shell parses a command line, so
 * nothing in an event can inject a command), with the event in its environment ({@link HookEvent#toEnvironment()},
 * added to Weir's own environment so {@code PATH} still works) and stdin closed. Its stdout and stderr are logged
 * at debug, line by line, on a named reader thread. A program still running at the hook timeout is destroyed
 * together with its descendants. Exit status 0 is success.
 */
public final class ScriptSink implements HookSink {
    private static final Logger log = LoggerFactory.getLogger(ScriptSink.class);
    /** Output beyond this is read and thrown away, so a chatty script cannot fill the log. */
    private static final int MAX_LOGGED_LINES = 200;

    private final Path program;

    public ScriptSink(Path program) {
        this.program = program;
    }

    /** Checks the program can be run, for a clear error at start rather than at the first event. */
    public static ScriptSink checked(Path program) {
        if (!Files.exists(program)) throw new IllegalArgumentException("hook script " + program + " does not exist");
        if (Files.isDirectory(program)) throw new IllegalArgumentException("hook script " + program + " is a directory");
        if (!Files.isExecutable(program)) throw new IllegalArgumentException("hook script " + program + " is not executable (chmod +x)");
        return new ScriptSink(program);
    }

    @Override
    public void deliver(HookEvent event, Duration timeout) throws HookFailedException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(program.toString()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().putAll(event.toEnvironment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new HookFailedException("hook script " + program + " could not start: " + e.getMessage(), false);
        }
        Thread reader = Thread.ofPlatform().name("weir-hook-output-" + p.pid()).daemon().start(() -> logOutput(p, event));
        boolean exited;
        try {
            exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!exited) {
            kill(p);
            p.waitFor(1, TimeUnit.SECONDS);
            throw new HookFailedException("hook script " + program + " still running after " + timeout.toMillis()
                    + " ms; killed", true);
        }
        reader.join(1000);
        int status = p.exitValue();
        if (status != 0) {
            throw new HookFailedException("hook script " + program + " exited with status " + status, false);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private void logOutput(Process p, HookEvent event) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                if (n++ < MAX_LOGGED_LINES && log.isDebugEnabled()) {
                    log.debug("hook script {} [{}]: {}", program.getFileName(), event.summary(), line);
                }
            }
        } catch (IOException e) {
            // The process was destroyed while we read: nothing more to log.
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public Path program() {
        return program;
    }

    @Override
    public String describe() {
        return "script " + program;
    }
}
