package dev.weir.ui;

import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.settings.ConfigStore;
import dev.weir.ui.settings.ConfigStoreException;

import java.nio.file.Path;
import java.util.Map;

/** The in-memory store with its passphrase file in a test's temporary directory. */
final class TempDirStore implements ConfigStore {
    private final Path dir;
    private final ConfigStore memory;

    TempDirStore(Path dir, EngineConfig initial) {
        this.dir = dir;
        this.memory = ConfigStore.inMemory(initial);
    }

    @Override public Path location() { return dir.resolve("config.json"); }
    @Override public EngineConfig load() throws ConfigStoreException { return memory.load(); }
    @Override public void save(EngineConfig config) throws ConfigStoreException { memory.save(config); }
    @Override public EngineConfig read(Path file) throws ConfigStoreException { return memory.read(file); }
    @Override public void write(Path file, EngineConfig config) throws ConfigStoreException { memory.write(file, config); }
    @Override public Path defaultPassphraseFile() { return dir.resolve("srt-passphrases.json"); }
    @Override public Map<String, String> readPassphrases(Path file) throws ConfigStoreException { return memory.readPassphrases(file); }
    @Override public void writePassphrases(Path file, Map<String, String> p) throws ConfigStoreException { memory.writePassphrases(file, p); }
    @Override public Map<String, String> loadPreferences() { return memory.loadPreferences(); }
    @Override public void savePreferences(Map<String, String> p) { memory.savePreferences(p); }
}
