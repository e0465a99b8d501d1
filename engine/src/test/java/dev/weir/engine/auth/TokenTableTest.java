package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenTableTest {

    @Test
    void checksKeyThenTokenPresenceThenValue() throws Exception {
        TokenTable t = TokenTable.of(Map.of("live/a", "secret123", "live/b", "s3cr=t+/"));
        assertNull(t.check("live/a", "secret123"));
        assertNull(t.check("live/b", "s3cr=t+/"));
        assertEquals(DenyReason.TOKEN_INVALID, t.check("live/a", "secret124"));
        assertEquals(DenyReason.TOKEN_INVALID, t.check("live/a", "secret1234"));
        assertEquals(DenyReason.TOKEN_INVALID, t.check("live/a", "s3cr=t+/"));
        assertEquals(DenyReason.TOKEN_MISSING, t.check("live/a", null));
        assertEquals(DenyReason.STREAM_NOT_ALLOWED, t.check("live/c", "secret123"));
        assertEquals(DenyReason.STREAM_NOT_ALLOWED, t.check("live/c", null));
    }

    @Test
    void comparesUnicodeTokensAsUtf8() throws Exception {
        TokenTable t = TokenTable.of(Map.of("live/a", "clé-été"));
        assertNull(t.check("live/a", "clé-été"));
        assertEquals(DenyReason.TOKEN_INVALID, t.check("live/a", "cle-ete"));
    }

    @Test
    void refusesEmptyTokens() {
        AccessConfigException e = assertThrows(AccessConfigException.class, () -> TokenTable.of(Map.of("live/a", "")));
        assertEquals("the token for stream 'live/a' is empty", e.getMessage());
    }

    @Test
    void reportsChangesByKey() throws Exception {
        TokenTable before = TokenTable.of(Map.of("live/a", "1", "live/b", "2", "live/c", "3"));
        TokenTable after = TokenTable.of(Map.of("live/a", "1", "live/b", "22", "live/d", "4"));
        TableChange c = after.changesSince(before);
        assertEquals(Set.of("live/d"), c.added());
        assertEquals(Set.of("live/c"), c.removed());
        assertEquals(Set.of("live/b"), c.changed());
        assertEquals("1 added [live/d], 1 removed [live/c], 1 changed [live/b]", c.toString());
    }
}
