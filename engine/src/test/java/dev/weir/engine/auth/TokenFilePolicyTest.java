package dev.weir.engine.auth;

import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFilePolicyTest {
    @TempDir
    Path dir;

    private static AccessRequest publish(String key, String token) {
        return new AccessRequest(AccessAction.PUBLISH, Protocol.RTMP, key, token, "127.0.0.1:5000", "rtmp-1");
    }

    @Test
    void decidesFromTheFileAndReloadsChanges() throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, "{\"live/stream1\": \"secret123\", \"live/camera1\": \"cam_token\"}");
        TokenFilePolicy p = (TokenFilePolicy) AccessPolicy.create(
                new AuthSettings(AuthSettings.AuthMode.FILE, Map.of(), f.toString(), null, null));
        assertEquals("file", p.mode());
        assertTrue(p.decide(publish("live/stream1", "secret123")).join().allowed());
        assertEquals(new AccessDecision.Denied(DenyReason.TOKEN_INVALID, "invalid credentials"),
                p.decide(publish("live/stream1", "nope")).join());

        Files.writeString(f, "{\"live/stream1\": \"rotated\", \"live/event\": \"e\"}");
        TableChange change = p.reload();
        assertEquals(Set.of("live/event"), change.added());
        assertEquals(Set.of("live/camera1"), change.removed());
        assertEquals(Set.of("live/stream1"), change.changed());
        assertFalse(p.decide(publish("live/stream1", "secret123")).join().allowed());
        assertTrue(p.decide(publish("live/stream1", "rotated")).join().allowed());
    }

    @Test
    void aBadReloadKeepsTheOldTableAndSaysWhy() throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, "{\"live/a\": \"secret123\"}");
        TokenFilePolicy p = TokenFilePolicy.load(f);

        Files.writeString(f, "{\"live/a\": \"secret123\",\n \"live/b\": }");
        AccessConfigException e = assertThrows(AccessConfigException.class, p::reload);
        assertTrue(e.getMessage().startsWith("auth file " + f + " is not valid: JSON error at line 2, column 12"), e.getMessage());
        assertTrue(p.decide(publish("live/a", "secret123")).join().allowed());

        Files.writeString(f, "{\"live/a\": 42}");
        e = assertThrows(AccessConfigException.class, p::reload);
        assertEquals("auth file " + f + ": the value for 'live/a' must be a string, found number", e.getMessage());

        Files.writeString(f, "{\"live/a\": \"\"}");
        e = assertThrows(AccessConfigException.class, p::reload);
        assertEquals("auth file " + f + ": the token for stream 'live/a' is empty", e.getMessage());

        Files.delete(f);
        e = assertThrows(AccessConfigException.class, p::reload);
        assertEquals("auth file " + f + " does not exist", e.getMessage());
        assertTrue(p.decide(publish("live/a", "secret123")).join().allowed());
    }

    @Test
    void errorsNeverQuoteTokens() throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.writeString(f, "[\"topsecret-value\"]");
        AccessConfigException e = assertThrows(AccessConfigException.class, () -> TokenFilePolicy.load(f));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }

    @Test
    void notUtf8IsNamed() throws Exception {
        Path f = dir.resolve("tokens.json");
        Files.write(f, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '"', 'x', '"', '}'});
        AccessConfigException e = assertThrows(AccessConfigException.class, () -> TokenFilePolicy.load(f));
        assertEquals("auth file " + f + " is not UTF-8 text", e.getMessage());
    }

    @Test
    void tokenModeUsesTheFlags() throws Exception {
        AuthSettings s = new AuthSettings(AuthSettings.AuthMode.TOKEN,
                Map.ofEntries(AuthSettings.parseTokenFlag("live/a=x=y")), null, null, null);
        AccessPolicy p = AccessPolicy.create(s);
        assertInstanceOf(StaticTokenPolicy.class, p);
        assertTrue(p.decide(publish("live/a", "x=y")).join().allowed());
        assertEquals(DenyReason.STREAM_NOT_ALLOWED,
                ((AccessDecision.Denied) p.decide(publish("live/b", "x=y")).join()).reason());
    }

    @Test
    void openPolicyAllowsEverything() throws Exception {
        AccessPolicy p = AccessPolicy.create(AuthSettings.DEFAULTS);
        assertTrue(p.decide(publish("any/thing", null)).join().allowed());
    }
}
