package dev.weir.engine.config;

import dev.weir.engine.config.AuthSettings.AuthMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthSettingsTest {

    @Test
    void eachModeNeedsItsSource() {
        assertEquals("auth mode token needs at least one -auth-token streamKey=token",
                assertThrows(IllegalArgumentException.class, () -> new AuthSettings(AuthMode.TOKEN, Map.of(), null, null, null)).getMessage());
        assertEquals("auth mode file needs -auth-file PATH",
                assertThrows(IllegalArgumentException.class, () -> new AuthSettings(AuthMode.FILE, null, " ", null, null)).getMessage());
        assertEquals("'ftp://x/y' is not an http:// or https:// URL with a host",
                assertThrows(IllegalArgumentException.class, () -> new AuthSettings(AuthMode.CALLBACK, null, null, "ftp://x/y", null)).getMessage());
    }

    @Test
    void tokenFlagSplitsAtTheFirstEquals() {
        assertEquals(Map.entry("live/a", "b64==") , AuthSettings.parseTokenFlag("live/a=b64=="));
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.parseTokenFlag("=x"));
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.parseTokenFlag("live/a="));
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.parseTokenFlag("live/a"));
    }

    @Test
    void modeParsesAndTextHidesTokens() {
        assertEquals(AuthMode.CALLBACK, AuthMode.parse(" Callback "));
        assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("ldap"));
        AuthSettings s = new AuthSettings(AuthMode.TOKEN, Map.of("live/a", "hunter2"), null, null, null);
        assertFalse(s.toString().contains("hunter2"), s.toString());
    }
}
