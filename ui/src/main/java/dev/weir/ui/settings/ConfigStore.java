package dev.weir.ui.settings;

import dev.weir.engine.config.EngineConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the console keeps its settings: the engine configuration (the same JSON {@code weir server -config}
 * reads), the per-stream SRT passphrases (the {@code -srt-passphrase-file} JSON), and the window's own preferences.
 * The app implements it with Jackson in the user's config directory; the console knows no JSON library. Files with
 * passphrases are written readable by their owner only.
 */
public interface ConfigStore {

    /** Where {@link #save} writes, for the settings screen to show. */
    Path location();

    /** The saved configuration, or {@code null} when none was saved yet. */
    EngineConfig load() throws ConfigStoreException;

    void save(EngineConfig config) throws ConfigStoreException;

    EngineConfig read(Path file) throws ConfigStoreException;

    void write(Path file, EngineConfig config) throws ConfigStoreException;

    /** The file the console keeps per-stream passphrases in when the configuration names none. */
    Path defaultPassphraseFile();

    /** Stream key to passphrase; empty when the file does not exist. */
    Map<String, String> readPassphrases(Path file) throws ConfigStoreException;

    void writePassphrases(Path file, Map<String, String> passphrases) throws ConfigStoreException;

    /** The window's preferences (size, position, screen, theme); empty when none were saved. */
    Map<String, String> loadPreferences();

    void savePreferences(Map<String, String> preferences);

    /** Keeps everything in memory: for a console launched without a store, and for tests. */
    static ConfigStore inMemory(EngineConfig initial) {
        return new ConfigStore() {
            private EngineConfig saved = initial;
            private final Map<Path, EngineConfig> files = new LinkedHashMap<>();
            private final Map<Path, Map<String, String>> passphraseFiles = new LinkedHashMap<>();
            private Map<String, String> prefs = Map.of();

            @Override public Path location() { return Path.of("memory (not written to disk)"); }
            @Override public synchronized EngineConfig load() { return saved; }
            @Override public synchronized void save(EngineConfig config) { saved = config; }

            @Override
            public synchronized EngineConfig read(Path file) throws ConfigStoreException {
                EngineConfig c = files.get(file);
                if (c == null) throw new ConfigStoreException(file + ": no such file");
                return c;
            }

            @Override public synchronized void write(Path file, EngineConfig config) { files.put(file, config); }
            @Override
            public Path defaultPassphraseFile() {
                return Path.of(System.getProperty("java.io.tmpdir"), "weir-console-" + ProcessHandle.current().pid(),
                        "srt-passphrases.json");
            }

            @Override
            public synchronized Map<String, String> readPassphrases(Path file) {
                return passphraseFiles.getOrDefault(file, Map.of());
            }

            @Override
            public synchronized void writePassphrases(Path file, Map<String, String> passphrases) throws ConfigStoreException {
                passphraseFiles.put(file, Map.copyOf(passphrases));
                PassphraseFileWriter.write(file, passphrases);   // the engine reads the table from this file
            }

            @Override public synchronized Map<String, String> loadPreferences() { return prefs; }
            @Override public synchronized void savePreferences(Map<String, String> p) { prefs = Map.copyOf(p); }
        };
    }
}
