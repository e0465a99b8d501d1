package dev.weir.app;

import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.hooks.HookEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator flags of {@code weir server} (RTMPS, relays, auth, hooks, metrics): parsing and refusals. */
class OpsFlagsTest {
    @TempDir
    Path dir;

    private static EngineConfig config(String... args) throws Exception {
        return ServerCommand.configFrom(new FlagParser("weir server", ServerCommand.FLAGS).parse(List.of(args)));
    }

    private static String refused(String... args) {
        return assertThrows(UsageException.class, () -> config(args)).getMessage();
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everythingIsOffByDefault() throws Exception {
        EngineConfig c = config();
        assertEquals(AuthMode.NONE, c.auth().mode());
        assertTrue(!c.hooks().hasAny() && !c.metrics().enabled() && !c.tls().enabled());
        assertTrue(c.relay().destinations().isEmpty());
        assertNull(c.srt().passphraseFile());
    }

    @Test
    void repeatableFlagsKeepEveryValueInOrder() throws Exception {
        EngineConfig c = config("-relay-to", "rtmp://a.example/live/", "-relay-to", "live/x=srt://b.example:9000?latency=200",
                "-auth-mode", "token", "-auth-token", "live/a=one", "-auth-token", "live/b=t=w=o");
        assertEquals(2, c.relay().destinations().size());
        assertNull(c.relay().destinations().get(0).stream());
        assertEquals("live/x", c.relay().destinations().get(1).stream());
        assertEquals(Map.of("live/a", "one", "live/b", "t=w=o"), c.auth().tokens());
    }

    @Test
    void authHooksMetricsAndTlsFlagsFillTheConfig() throws Exception {
        Path script = file("hook.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path cert = file("cert.pem", "x");
        Path key = file("key.pem", "x");
        EngineConfig c = config("-auth-mode", "callback", "-auth-callback", "http://127.0.0.1:9/auth",
                "-auth-callback-timeout", "1500ms",
                "-hook-script", "publish_start=" + script, "-hook-webhook", "publish_stop=https://h.example/x?a=b",
                "-hook-webhook", "relay_failed=https://h.example/y", "-hook-stdio-format", "env", "-hook-timeout", "1m30s",
                "-hook-concurrency", "3", "-metrics-addr", "127.0.0.1:9100",
                "-tls-listen", ":1936", "-tls-cert", cert.toString(), "-tls-key", key.toString());
        assertEquals(AuthMode.CALLBACK, c.auth().mode());
        assertEquals(Duration.ofMillis(1500), c.auth().callbackTimeout());
        assertEquals(List.of(new HookSettings.Binding(HookEventType.PUBLISH_START, script.toString())), c.hooks().scripts());
        assertEquals(2, c.hooks().webhooks().size());
        assertEquals("env", c.hooks().stdioFormat());
        assertEquals(Duration.ofSeconds(90), c.hooks().timeout());
        assertEquals(3, c.hooks().concurrency());
        assertEquals("127.0.0.1:9100", c.metrics().listen());
        assertEquals(":1936", c.tls().listen());
    }

    @Test
    void impossibleCombinationsAreRefusedByName() throws Exception {
        assertEquals("-tls-listen needs -tls-cert FILE and -tls-key FILE", refused("-tls-listen", ":443"));
        Path cert = file("cert.pem", "x");
        assertEquals("-tls-listen needs -tls-cert FILE and -tls-key FILE", refused("-tls-listen", ":443", "-tls-cert", cert.toString()));
        assertEquals("-tls-cert and -tls-key are for RTMPS: add -tls-listen ADDR",
                refused("-tls-cert", cert.toString(), "-tls-key", cert.toString()));
        assertEquals("-tls-key: cannot read /nonexistent/key.pem",
                refused("-tls-listen", ":443", "-tls-cert", cert.toString(), "-tls-key", "/nonexistent/key.pem"));
        assertEquals("-auth-mode token: auth mode token needs at least one -auth-token streamKey=token", refused("-auth-mode", "token"));
        assertEquals("-auth-token is for -auth-mode token", refused("-auth-token", "live/a=b"));
        assertEquals("-auth-mode file: auth mode file needs -auth-file PATH", refused("-auth-mode", "file"));
        assertTrue(refused("-auth-mode", "ldap").startsWith("-auth-mode: auth mode 'ldap' is not one of"));
        assertEquals("-auth-token must be streamKey=token, e.g. live/stream1=secret123", refused("-auth-mode", "token", "-auth-token", "nokey"));
        assertEquals("-hook-timeout: '30' is not a duration (write e.g. 5s, 500ms, 1m30s)", refused("-hook-timeout", "30"));
        assertEquals("-auth-callback-timeout: the duration must be more than 0",
                refused("-auth-mode", "callback", "-auth-callback", "http://h/x", "-auth-callback-timeout", "0s"));
        assertEquals("-hook-script: /nonexistent is not an executable file", refused("-hook-script", "publish_start=/nonexistent"));
        assertTrue(refused("-hook-script", "nope=/bin/true").contains("unknown hook event 'nope'"));
        assertEquals("-hook-concurrency: 'lots' is not a number", refused("-hook-concurrency", "lots"));
        assertTrue(refused("-hook-stdio-format", "xml").contains("not json or env"));
        assertTrue(refused("-relay-to", "http://h/live").startsWith("-relay-to: relay destination must be an rtmp://"));
        assertTrue(refused("-metrics-addr", "8080").startsWith("-metrics-addr: "));
        assertEquals("-srt-passphrase-file: cannot read /nonexistent.json", refused("-srt-passphrase-file", "/nonexistent.json"));
    }

    @Test
    void aPassphraseFileExcludesTheSinglePassphrase() throws Exception {
        Path keys = file("keys.json", "{}");
        Path conf = file("weir.json", "{\"srt\": {\"passphrase\": \"0123456789abc\"}}");
        assertEquals("-srt-passphrase and -srt-passphrase-file exclude each other: give one",
                refused("-config", conf.toString(), "-srt-passphrase-file", keys.toString()));
        assertEquals(keys.toString(), config("-srt-passphrase-file", keys.toString()).srt().passphraseFile());
    }

    @Test
    void theConfigFileCarriesTheSameSettingsAndFlagsOverrideThem() throws Exception {
        Path conf = file("weir.json", """
                {"auth": {"mode": "TOKEN", "tokens": {"live/a": "from-file"}},
                 "relay": {"destinations": [{"stream": null, "url": "rtmp://backup.example/live/"}]},
                 "metrics": {"listen": "127.0.0.1:9100"},
                 "hooks": {"stdioFormat": "json", "timeout": "PT5S"}}
                """);
        EngineConfig c = config("-config", conf.toString());
        assertEquals(AuthMode.TOKEN, c.auth().mode());
        assertEquals(Map.of("live/a", "from-file"), c.auth().tokens());
        assertEquals("rtmp://backup.example/live/", c.relay().destinations().get(0).url());
        assertEquals("127.0.0.1:9100", c.metrics().listen());
        assertEquals(Duration.ofSeconds(5), c.hooks().timeout());
        EngineConfig overridden = config("-config", conf.toString(), "-auth-token", "live/b=from-flag",
                "-relay-to", "srt://h:9000", "-metrics-addr", "127.0.0.1:9200");
        assertEquals(Map.of("live/b", "from-flag"), overridden.auth().tokens());
        assertEquals(List.of("srt://h:9000"), overridden.relay().destinations().stream().map(d -> d.url()).toList());
        assertEquals("127.0.0.1:9200", overridden.metrics().listen());
        assertEquals("json", overridden.hooks().stdioFormat(), "what the flags do not name stays from the file");
    }

    @Test
    void theHelpListsTheFlagsAsAvailable() {
        String help = new FlagParser("weir server", ServerCommand.FLAGS).help();
        for (String flag : List.of("-tls-listen", "-relay-to", "-auth-mode", "-hook-script", "-metrics-addr", "-srt-passphrase-file")) {
            String line = help.lines().filter(l -> l.strip().startsWith(flag + " ")).findFirst().orElseThrow(() -> new AssertionError(flag));
            assertTrue(!line.contains("not available"), line);
        }
    }
}
