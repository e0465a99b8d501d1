package dev.weir.engine.hooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptSinkTest {
    @TempDir
    Path dir;

    static Path script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void theScriptSeesTheEventInItsEnvironment() throws Exception {
        Path out = dir.resolve("env.txt");
        Path s = script(dir, "hook.sh", "env > '" + out + "'\necho some output");
        new ScriptSink(s).deliver(HookEventTest.rejected(), Duration.ofSeconds(5));
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.contains("WEIR_EVENT=connection_rejected"), lines.toString());
        assertTrue(lines.contains("WEIR_STREAM_KEY=live/test"), lines.toString());
        assertTrue(lines.contains("WEIR_PROTOCOL=srt"), lines.toString());
        assertTrue(lines.contains("WEIR_REMOTE_ADDR=127.0.0.1:50000"), lines.toString());
        assertTrue(lines.contains("WEIR_CONNECTION_ID=srt-3"), lines.toString());
        assertTrue(lines.contains("WEIR_TIMESTAMP=1795237200"), lines.toString());
        assertTrue(lines.contains("WEIR_DATA_REASON=token_invalid"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PATH=")), "inherits PATH");
    }

    @Test
    void eventTextIsNeverParsedByAShell() throws Exception {
        Path marker = dir.resolve("pwned");
        Path out = dir.resolve("key.txt");
        Path s = script(dir, "hook.sh", "printf '%s' \"$WEIR_STREAM_KEY\" > '" + out + "'");
        String hostile = "live/$(touch " + marker + ");`touch " + marker + "`";
        new ScriptSink(s).deliver(new HookEvent(HookEventType.PUBLISH_START, HookEventTest.T, hostile, null, null, null, null),
                Duration.ofSeconds(5));
        assertEquals(hostile, Files.readString(out));
        assertFalse(Files.exists(marker));
    }

    @Test
    void aHangingScriptIsKilledAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path s = script(dir, "hang.sh", "echo $$ > '" + pidFile + "'\nexec sleep 60");
        HookFailedException e = assertThrows(HookFailedException.class,
                () -> new ScriptSink(s).deliver(HookEventTest.rejected(), Duration.ofMillis(500)));
        assertTrue(e.timedOut());
        assertTrue(e.getMessage().endsWith("still running after 500 ms; killed"), e.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        assertFalse(h.isPresent() && h.get().isAlive(), "the script's process is gone");
    }

    @Test
    void nonZeroExitIsAFailure() throws Exception {
        Path s = script(dir, "fail.sh", "exit 3");
        HookFailedException e = assertThrows(HookFailedException.class,
                () -> new ScriptSink(s).deliver(HookEventTest.rejected(), Duration.ofSeconds(5)));
        assertFalse(e.timedOut());
        assertEquals("hook script " + s + " exited with status 3", e.getMessage());
    }

    @Test
    void unusableScriptsAreRefusedAtStart() throws Exception {
        Path missing = dir.resolve("nope.sh");
        assertEquals("hook script " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> ScriptSink.checked(missing)).getMessage());
        Path plain = dir.resolve("plain.sh");
        Files.writeString(plain, "#!/bin/sh\n");
        assertEquals("hook script " + plain + " is not executable (chmod +x)",
                assertThrows(IllegalArgumentException.class, () -> ScriptSink.checked(plain)).getMessage());
    }
}
