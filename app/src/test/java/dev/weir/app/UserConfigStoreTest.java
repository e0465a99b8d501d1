package dev.weir.app;

import dev.weir.engine.auth.SrtPassphraseTable;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.prefs.Theme;
import dev.weir.ui.prefs.WindowPrefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The console's store: where it lives per OS, the same JSON as -config, owner-only secrets, window prefs. */
class UserConfigStoreTest {
    @TempDir
    Path dir;

    @Test
    void directoryPerOperatingSystem() {
        assertEquals(Path.of("/x/cfg", "weir"),
                UserConfigStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/op"));
        assertEquals(Path.of("/home/op", ".config", "weir"), UserConfigStore.defaultDirectory("Linux", Map.of(), "/home/op"));
        assertEquals(Path.of("/home/op", ".config", "weir"),
                UserConfigStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "relative"), "/home/op"),
                "a relative XDG_CONFIG_HOME is ignored, as the spec says");
        assertEquals(Path.of("/Users/op", "Library", "Application Support", "Weir"),
                UserConfigStore.defaultDirectory("Mac OS X", Map.of(), "/Users/op"));
        assertEquals(Path.of("C:\\Users\\op\\AppData\\Roaming", "Weir"),
                UserConfigStore.defaultDirectory("Windows 11", Map.of("APPDATA", "C:\\Users\\op\\AppData\\Roaming"), "C:\\Users\\op"));
    }

    @Test
    void savedConfigurationIsWhatWeirServerReads() throws Exception {
        UserConfigStore store = new UserConfigStore(dir);
        assertNull(store.load(), "nothing saved yet");
        EngineConfig c = EngineConfig.DEFAULTS.withSrt(new SrtSettings(":10080", 200, "secret-passphrase", 32))
                .withRelay(new RelaySettings(List.of(new RelaySettings.Destination("live/a", "srt://127.0.0.1:9000"))));
        store.save(c);
        assertEquals(c, ConfigFile.read(store.location()), "weir server -config reads the same file");
        assertEquals(c, store.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.location())));
    }

    @Test
    void passphraseTableIsOwnerOnlyAndReadByTheEngine() throws Exception {
        UserConfigStore store = new UserConfigStore(dir);
        Path file = store.defaultPassphraseFile();
        store.writePassphrases(file, Map.of("live/a", "passphrase-one", "live/b", "passphrase-two \"quoted\""));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Map.of("live/a", "passphrase-one", "live/b", "passphrase-two \"quoted\""), store.readPassphrases(file));
        SrtPassphraseTable table = SrtPassphraseTable.load(file);
        assertEquals("passphrase-two \"quoted\"", table.passphraseFor("live/b").orElseThrow());
        assertEquals(Map.of(), store.readPassphrases(dir.resolve("missing.json")));
    }

    @Test
    void windowPreferencesRoundTripAndSurviveGarbage() throws Exception {
        UserConfigStore store = new UserConfigStore(dir);
        assertEquals(WindowPrefs.DEFAULTS, WindowPrefs.fromMap(store.loadPreferences()));
        WindowPrefs p = new WindowPrefs(40, 30, 1400, 900, false, Screen.LOG, Theme.DARK);
        store.savePreferences(p.toMap());
        assertEquals(p, WindowPrefs.fromMap(store.loadPreferences()));
        assertEquals(p, WindowPrefs.fromMap(new UserConfigStore(dir).loadPreferences()), "the next start reads them");
        Files.writeString(dir.resolve("console-prefs.json"), "{not json");
        assertEquals(WindowPrefs.DEFAULTS, WindowPrefs.fromMap(new UserConfigStore(dir).loadPreferences()),
                "a broken file falls back");
        Files.writeString(dir.resolve("console-prefs.json"), "null");
        assertEquals(WindowPrefs.DEFAULTS, WindowPrefs.fromMap(new UserConfigStore(dir).loadPreferences()),
                "an empty document falls back");
    }

    @Test
    void preferencesAreReadOnceAndKept() throws Exception {
        UserConfigStore store = new UserConfigStore(dir);
        WindowPrefs p = new WindowPrefs(10, 20, 1200, 800, true, Screen.STREAMS, Theme.LIGHT);
        new UserConfigStore(dir).savePreferences(p.toMap());
        assertEquals(p, WindowPrefs.fromMap(store.loadPreferences()));
        // Read at start on the console's start-up thread, asked again on the FX thread: the file is not read twice.
        Files.writeString(dir.resolve("console-prefs.json"), "{not json");
        assertEquals(p, WindowPrefs.fromMap(store.loadPreferences()));
    }
}
