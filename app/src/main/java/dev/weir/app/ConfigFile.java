package dev.weir.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.weir.engine.config.EngineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the engine's configuration as JSON: the same shape {@code weir server -config FILE} reads
 * and the console saves. Unknown keys are errors (a misspelt setting must not be silently ignored).
 */
public final class ConfigFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private ConfigFile() {}

    /** Reads {@code file}; the exception's message names the file, the line and what is wrong. */
    public static EngineConfig read(Path file) throws ConfigException {
        try {
            JsonNode given = MAPPER.readTree(Files.readString(file));
            if (given == null || !given.isObject()) {
                throw new ConfigException(file + ": the configuration must be a JSON object");
            }
            // Records are built in one go from their constructor, so keys are checked and defaults filled in
            // on the tree first: a partial file keeps the defaults of what it leaves out.
            ObjectNode merged = MAPPER.valueToTree(EngineConfig.DEFAULTS);
            mergeKnown(merged, (ObjectNode) given, "", file);
            return MAPPER.treeToValue(merged, EngineConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            Throwable root = rootCause(e);
            String what = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ConfigException(file + where(e.getLocation()) + ": " + what);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes {@code config} to {@code file} atomically, readable by its owner only where the file system
     * supports it (the file will hold passphrases once SRT settings are in).
     */
    public static void write(Path file, EngineConfig config) throws ConfigException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".weir-config", ".json");
            ownerOnly(tmp);
            Files.writeString(tmp, MAPPER.writeValueAsString(config));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot write config file " + file + ": " + e.getMessage());
        }
    }

    static String toJson(EngineConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mergeKnown(ObjectNode into, ObjectNode from, String path, Path file) throws ConfigException {
        var fields = from.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = path + field.getKey();
            JsonNode known = into.get(field.getKey());
            if (known == null) {
                List<String> names = new ArrayList<>();
                into.fieldNames().forEachRemaining(names::add);
                throw new ConfigException(file + ": unknown setting '" + key + "' (known here: " + String.join(", ", names) + ")");
            }
            if (known.isObject() && known.isEmpty() && field.getValue().isObject()) {
                into.set(field.getKey(), field.getValue()); // a map (e.g. auth.tokens): its keys are data, not settings
            } else if (known.isObject() && field.getValue().isObject()) {
                mergeKnown((ObjectNode) known, (ObjectNode) field.getValue(), key + ".", file);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is private already.
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /** The config file is missing, unreadable or wrong; the message says which and where. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }
}
