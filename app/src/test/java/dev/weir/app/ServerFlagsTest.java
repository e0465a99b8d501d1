package dev.weir.app;

import dev.weir.engine.config.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFlagsTest {

    private static FlagParser.Parsed parse(String... args) throws UsageException {
        return new FlagParser("weir server", ServerCommand.FLAGS).parse(List.of(args));
    }

    @Test
    void defaultsMatchTheSeedServer() throws Exception {
        EngineConfig c = ServerCommand.configFrom(parse());
        assertEquals(":1935", c.rtmp().listen());
        assertEquals(4096, c.rtmp().chunkSize());
    }

    @Test
    void acceptsGoStyleSpellings() throws Exception {
        EngineConfig a = ServerCommand.configFrom(parse("-listen", "127.0.0.1:2935", "-chunk-size", "60000"));
        EngineConfig b = ServerCommand.configFrom(parse("--listen=127.0.0.1:2935", "-chunk-size=60000"));
        assertEquals(a, b);
        assertEquals("127.0.0.1:2935", a.rtmp().listen());
        assertEquals(60000, a.rtmp().chunkSize());
    }

    @Test
    void refusesUnknownAndPlannedFlagsByName() {
        UsageException unknown = assertThrows(UsageException.class, () -> parse("-lisen", ":1935"));
        assertEquals("unknown flag -lisen for weir server", unknown.getMessage());
        // every seed flag is implemented now; the mechanism stays for flags later work announces
        FlagParser withPlanned = new FlagParser("weir server", List.of(FlagSpec.planned("future", "X", "coming later")));
        UsageException planned = assertThrows(UsageException.class, () -> withPlanned.parse(List.of("-future", "x")));
        assertTrue(planned.getMessage().contains("-future") && planned.getMessage().contains("not available"),
                planned.getMessage());
        assertTrue(ServerCommand.FLAGS.stream().allMatch(FlagSpec::implemented), "no seed flag is left unimplemented");
    }

    @Test
    void refusesBadValuesWithTheFlagName() {
        assertEquals("-chunk-size: 'big' is not a number",
                assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-chunk-size", "big"))).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-chunk-size", "70000")))
                .getMessage().contains("between 128 and 65536"));
        assertTrue(assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-listen", "1935")))
                .getMessage().contains("no port"));
        assertEquals("flag -listen needs a value: -listen ADDR",
                assertThrows(UsageException.class, () -> parse("-listen")).getMessage());
        assertEquals("flag -listen is given twice",
                assertThrows(UsageException.class, () -> parse("-listen", ":1", "-listen", ":2")).getMessage());
        assertEquals("unexpected argument 'extra': weir server takes only flags",
                assertThrows(UsageException.class, () -> parse("extra")).getMessage());
    }

    @Test
    void logLevelIsChecked() {
        assertThrows(UsageException.class, () -> Logging.setLevel("verbose"));
    }

    @Test
    void flagsOverrideTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\"rtmp\": {\"listen\": \":2000\", \"chunkSize\": 8192}}");
        EngineConfig fromFile = ServerCommand.configFrom(parse("-config", file.toString()));
        assertEquals(":2000", fromFile.rtmp().listen());
        assertEquals(8192, fromFile.rtmp().chunkSize());
        EngineConfig overridden = ServerCommand.configFrom(parse("-config", file.toString(), "-listen", ":3000"));
        assertEquals(":3000", overridden.rtmp().listen());
        assertEquals(8192, overridden.rtmp().chunkSize());
    }

    @Test
    void badUsageExitsTwoWithAMessageAndNoStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"server", "-relay-to", "http://127.0.0.1/live/x"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        assertTrue(text.startsWith("weir server: -relay-to: relay destination must be an rtmp://"), text);
        assertTrue(!text.contains("Exception") && !text.contains("\tat "), text);
    }

    @Test
    void versionIsStampedByTheBuild() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(text.matches("weir \\d+\\.\\d+\\.\\d+.*"), text);
    }

    @Test
    void srtAndRecordingFlagsBuildTheConfig() throws Exception {
        EngineConfig c = ServerCommand.configFrom(parse("-srt-listen", ":10080", "-srt-latency", "200",
                "-srt-passphrase", "my-secret-key", "-srt-pbkeylen", "32", "-record-all", "-record-dir", "/var/rec"));
        assertEquals(":10080", c.srt().listen());
        assertEquals(200, c.srt().latencyMs());
        assertEquals("my-secret-key", c.srt().passphrase());
        assertEquals(32, c.srt().pbkeylen());
        assertTrue(c.recording().recordAll());
        assertEquals("/var/rec", c.recording().dir());
        assertTrue(ServerCommand.configFrom(parse("-record-all=true")).recording().recordAll());
        assertEquals(false, ServerCommand.configFrom(parse("-record-all=false")).recording().recordAll());
    }

    @Test
    void srtAndRecordingDefaultsMatchTheSeedServer() throws Exception {
        EngineConfig c = ServerCommand.configFrom(parse());
        assertEquals(false, c.srt().enabled());
        assertEquals(120, c.srt().latencyMs());
        assertEquals(null, c.srt().passphrase());
        assertEquals(16, c.srt().pbkeylen());
        assertEquals(false, c.recording().recordAll());
        assertEquals("recordings", c.recording().dir());
    }

    @Test
    void srtFlagsAreValidatedWithClearErrors() {
        assertEquals("-srt-pbkeylen: must be 16, 24 or 32 (AES-128, -192, -256), got 20",
                assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-srt-pbkeylen", "20"))).getMessage());
        assertEquals("-srt-pbkeylen: 'big' is not a number",
                assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-srt-pbkeylen", "big"))).getMessage());
        assertEquals("-srt-latency: must be between 20 and 8000 ms, got 10",
                assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-srt-latency", "10"))).getMessage());
        assertEquals("-srt-latency: must be between 20 and 8000 ms, got 9000",
                assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-srt-latency", "9000"))).getMessage());
        String shortPass = assertThrows(UsageException.class,
                () -> ServerCommand.configFrom(parse("-srt-passphrase", "short"))).getMessage();
        assertEquals("-srt-passphrase: must be 10 to 80 characters, got 5", shortPass);
        String longPass = assertThrows(UsageException.class,
                () -> ServerCommand.configFrom(parse("-srt-passphrase", "x".repeat(81)))).getMessage();
        assertEquals("-srt-passphrase: must be 10 to 80 characters, got 81", longPass);
        assertTrue(assertThrows(UsageException.class, () -> ServerCommand.configFrom(parse("-srt-listen", "10080")))
                .getMessage().startsWith("-srt-listen: "));
        assertEquals("flag -record-all is true or false, not 'yes'",
                assertThrows(UsageException.class, () -> parse("-record-all=yes")).getMessage());
    }

    @Test
    void passphraseLimitsAreInclusive() throws Exception {
        assertEquals(10, ServerCommand.configFrom(parse("-srt-passphrase", "x".repeat(10))).srt().passphrase().length());
        assertEquals(80, ServerCommand.configFrom(parse("-srt-passphrase", "x".repeat(80))).srt().passphrase().length());
    }

    @Test
    void srtAndRecordingComeFromTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\"srt\": {\"listen\": \":10080\", \"latencyMs\": 300, \"passphrase\": null, \"pbkeylen\": 24},"
                + " \"recording\": {\"dir\": \"/tmp/rec\", \"recordAll\": true}}");
        EngineConfig c = ServerCommand.configFrom(parse("-config", file.toString(), "-srt-latency", "400"));
        assertEquals(":10080", c.srt().listen());
        assertEquals(400, c.srt().latencyMs());
        assertEquals(24, c.srt().pbkeylen());
        assertEquals("/tmp/rec", c.recording().dir());
        assertTrue(c.recording().recordAll());
    }
}
