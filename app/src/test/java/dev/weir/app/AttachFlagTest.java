package dev.weir.app;

import dev.weir.ui.engine.RemoteAddress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code weir --attach URL}: parsed into the console's options, and a bad URL stops the start with exit code 2. */
class AttachFlagTest {

    private static RemoteAddress attach(String... args) throws Exception {
        return ConsoleCommand.attachFlag(new FlagParser("weir", ConsoleCommand.FLAGS).parse(List.of(args)));
    }

    @Test
    void theUrlIsParsedInEveryFlagSpelling() throws Exception {
        RemoteAddress expected = new RemoteAddress(URI.create("http://10.0.0.5:8080"), "10.0.0.5:8080");
        assertEquals(expected, attach("--attach", "http://10.0.0.5:8080"));
        assertEquals(expected, attach("-attach=10.0.0.5:8080"));
        assertEquals(expected, attach("-attach", "10.0.0.5:8080", "-log-level", "debug"));
        assertNull(attach("-log-level", "debug"));
    }

    @Test
    void aBadUrlIsAClearErrorAndExitCode2() {
        Run bad = run("--attach", "rtmp://10.0.0.5:1935/live");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("weir: -attach: 'rtmp://10.0.0.5:1935/live': the API is reached over http:// or https://"), bad.err);
        assertTrue(bad.err.contains("run 'weir -help' for the flags"), bad.err);

        Run noPort = run("--attach", "10.0.0.5");
        assertEquals(2, noPort.code);
        assertTrue(noPort.err.contains("has no port"), noPort.err);

        Run missing = run("--attach");
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("flag -attach needs a value"), missing.err);
    }

    @Test
    void theHelpNamesTheFlag() {
        Run usage = run("-help");
        assertEquals(0, usage.code);
        assertTrue(usage.out.contains("weir --attach URL"), usage.out);
        Run flags = run("-log-level", "info", "-help");              // the console's own flag list
        assertEquals(0, flags.code);
        assertTrue(flags.out.contains("-attach URL"), flags.out);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
