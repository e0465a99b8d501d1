package dev.weir.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.settings.ConfigStore;
import dev.weir.ui.settings.ConfigStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's {@link ConfigStore} in the user's config directory: {@code config.json} (the JSON
 * {@code weir server -config} reads, through {@link ConfigFile}), {@code srt-passphrases.json} (the
 * {@code -srt-passphrase-file} shape) and {@code console-prefs.json} (window size, position, screen, theme).
 * Files with secrets are written owner-only, atomically.
 *
 * <p>Making one is cheap: Jackson and logging are first touched when a file is read or written, so the console's
 * start can make the store on its main thread and read through it on another (docs/install.md, "Start-up").
 * The preferences are read once and kept.
 */
final class UserConfigStore implements ConfigStore {
    /** Held apart so that creating a store neither builds an ObjectMapper nor starts logging. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);
        static final Logger log = LoggerFactory.getLogger(UserConfigStore.class);
    }

    private final Path dir;
    private volatile Map<String, String> preferences;

    UserConfigStore(Path dir) {
        this.dir = dir;
    }

    /**
     * The per-user directory: {@code $XDG_CONFIG_HOME/weir} or {@code ~/.config/weir} on Linux,
     * {@code ~/Library/Application Support/Weir} on macOS, {@code %APPDATA%\Weir} on Windows.
     */
    static Path defaultDirectory(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Weir") : Path.of(home, "AppData", "Roaming", "Weir");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Weir");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "weir") : Path.of(home, ".config", "weir");
    }

    static UserConfigStore forThisUser() {
        return new UserConfigStore(defaultDirectory(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home")));
    }

    @Override
    public Path location() {
        return dir.resolve("config.json");
    }

    @Override
    public EngineConfig load() throws ConfigStoreException {
        if (!Files.exists(location())) return null;
        return read(location());
    }

    @Override
    public void save(EngineConfig config) throws ConfigStoreException {
        write(location(), config);
    }

    @Override
    public EngineConfig read(Path file) throws ConfigStoreException {
        try {
            return ConfigFile.read(file);
        } catch (ConfigFile.ConfigException e) {
            throw new ConfigStoreException(e.getMessage(), e);
        }
    }

    @Override
    public void write(Path file, EngineConfig config) throws ConfigStoreException {
        try {
            ConfigFile.write(file, config);
        } catch (ConfigFile.ConfigException e) {
            throw new ConfigStoreException(e.getMessage(), e);
        }
    }

    @Override
    public Path defaultPassphraseFile() {
        return dir.resolve("srt-passphrases.json");
    }

    @Override
    public Map<String, String> readPassphrases(Path file) throws ConfigStoreException {
        try {
            return Json.MAPPER.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (JsonProcessingException e) {
            // The message of a passphrase file's parse error may quote the file: say where only.
            throw new ConfigStoreException(file + ": not a JSON object of stream key to passphrase (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ConfigStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writePassphrases(Path file, Map<String, String> passphrases) throws ConfigStoreException {
        try {
            writeOwnerOnly(file, Json.MAPPER.writeValueAsString(new TreeMap<>(passphrases)));
        } catch (IOException e) {
            throw new ConfigStoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> loadPreferences() {
        Map<String, String> known = preferences;
        if (known == null) {
            known = readPreferences();
            preferences = known;
        }
        return known;
    }

    private Map<String, String> readPreferences() {
        Path file = dir.resolve("console-prefs.json");
        try {
            Map<String, String> read = Json.MAPPER.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, String>>() {});
            return read == null ? Map.of() : Collections.unmodifiableMap(read);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            Json.log.warn("console preferences {} not read, using defaults: {}", file, e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void savePreferences(Map<String, String> preferences) {
        Path file = dir.resolve("console-prefs.json");
        this.preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
        try {
            writeOwnerOnly(file, Json.MAPPER.writeValueAsString(preferences));
        } catch (IOException e) {
            Json.log.warn("console preferences not saved to {}: {}", file, e.getMessage());
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".weir", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile directory is private already.
        }
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
