package dev.weir.engine.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SrtSettingsTest {

    @Test
    void defaultsAreTheSeedServers() {
        assertFalse(SrtSettings.DEFAULTS.enabled());
        assertEquals(120, SrtSettings.DEFAULTS.latencyMs());
        assertNull(SrtSettings.DEFAULTS.passphrase());
        assertEquals(16, SrtSettings.DEFAULTS.pbkeylen());
        assertEquals(new RecordingSettings("recordings", false), RecordingSettings.DEFAULTS);
        assertEquals(SrtSettings.DEFAULTS, EngineConfig.DEFAULTS.srt());
        assertEquals(RecordingSettings.DEFAULTS, new EngineConfig(null, null, null, null).recording());
    }

    @Test
    void limitsAreCheckedWithMessagesThatNameThem() {
        assertEquals("SRT latency must be between 20 and 8000 ms, got 19",
                assertThrows(IllegalArgumentException.class, () -> new SrtSettings(":10080", 19, null, 16)).getMessage());
        assertEquals("SRT passphrase must be 10 to 80 characters, got 9",
                assertThrows(IllegalArgumentException.class, () -> new SrtSettings(":10080", 120, "123456789", 16)).getMessage());
        assertEquals("SRT key length (pbkeylen) must be 16, 24 or 32, got 0",
                assertThrows(IllegalArgumentException.class, () -> new SrtSettings(":10080", 120, null, 0)).getMessage());
        assertNull(new SrtSettings(":10080", 120, "", 16).passphrase(), "empty means none");
        assertTrue(new SrtSettings(":10080", 8000, "x".repeat(80), 32).enabled());
    }

    @Test
    void thePassphraseNeverAppearsInText() {
        SrtSettings s = new SrtSettings(":10080", 120, "my-secret-key", 24);
        assertFalse(s.toString().contains("my-secret-key"), s.toString());
        assertFalse(EngineConfig.DEFAULTS.withSrt(s).toString().contains("my-secret-key"));
        assertTrue(s.toString().contains("passphrase=(set)"));
    }

    @Test
    void aBlankRecordingDirectoryMeansTheDefault() {
        assertEquals("recordings", new RecordingSettings("  ", true).dir());
    }
}
