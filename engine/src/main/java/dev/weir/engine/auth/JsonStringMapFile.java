package dev.weir.engine.auth;

import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the files both the token table and the SRT passphrase table use: one JSON object of stream key to
 * string, e.g. {@code {"live/stream1": "secret123"}}. Errors name the file and what is wrong; they never quote
 * a value (values are secrets).
 */
final class JsonStringMapFile {
    /** Larger files are refused: a key table this big is a mistake (wrong path), not a configuration. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private JsonStringMapFile() {}

    static Map<String, String> read(Path path, String what) throws AccessConfigException {
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new AccessConfigException(what + " " + path + " is " + size + " bytes; the limit is " + MAX_BYTES);
            }
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new AccessConfigException(what + " " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new AccessConfigException(what + " " + path + " is not readable (permission denied)");
        } catch (CharacterCodingException e) {
            throw new AccessConfigException(what + " " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new AccessConfigException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
        JsonObject top;
        try {
            top = JsonParser.parseObject(text);
        } catch (JsonException e) {
            throw new AccessConfigException(what + " " + path + " is not valid: " + e.getMessage()
                    + "; expected a JSON object such as {\"live/stream1\": \"...\"}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : top.members().entrySet()) {
            if (!(e.getValue() instanceof JsonString s)) {
                throw new AccessConfigException(what + " " + path + ": the value for '" + e.getKey()
                        + "' must be a string, found " + e.getValue().typeName());
            }
            if (e.getKey().isBlank()) throw new AccessConfigException(what + " " + path + " has an empty stream key");
            out.put(e.getKey(), s.value());
        }
        return out;
    }
}
