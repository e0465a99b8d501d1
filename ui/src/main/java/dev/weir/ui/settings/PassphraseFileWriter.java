package dev.weir.ui.settings;

import dev.weir.engine.json.JsonWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@code -srt-passphrase-file} ({@code {"live/a": "passphrase"}}) readable by its owner only, for the
 * in-memory store (the app's store writes the same shape with Jackson). Written to a temporary file and moved in
 * place, so the engine never reads half a table.
 */
final class PassphraseFileWriter {
    private PassphraseFileWriter() {}

    static void write(Path file, Map<String, String> passphrases) throws ConfigStoreException {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (var e : new TreeMap<>(passphrases).entrySet()) {
            json.append("  ");
            JsonWriter.writeString(e.getKey(), json);
            json.append(": ");
            JsonWriter.writeString(e.getValue(), json);
            json.append(++i < passphrases.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".passphrases", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigStoreException("cannot write the SRT passphrase file " + file + ": " + e.getMessage(), e);
        }
    }
}
