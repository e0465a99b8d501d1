package dev.weir.engine.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-stream SRT passphrases from a JSON file ({@code -srt-passphrase-file}), e.g.
 * {@code {"live/stream1": "passphrase-at-least-10-chars"}}. Reloadable (the server does so on SIGHUP); a reload
 * that fails keeps the table in force. Passphrases must be 10 to 80 bytes of UTF-8 — libsrt's
 * HAICRYPT_SECRET_MIN_SZ/HAICRYPT_PWD_MAX_SZ (the seed's help text says 10-79; libsrt accepts 80). Nothing here
 * logs or prints a passphrase: errors name the stream key and the length only.
 *
 * <p>The SRT listener asks {@link #passphraseFor} with the stream key from the caller's stream id while handling
 * the conclusion handshake, and derives the key-encrypting key from it; a stream not in the table is refused
 * (SRT_REJX_FORBIDDEN) because, with a passphrase file, every stream is encrypted.
 */
public final class SrtPassphraseTable {
    private static final Logger log = LoggerFactory.getLogger(SrtPassphraseTable.class);
    public static final int MIN_BYTES = 10;
    public static final int MAX_BYTES = 80;

    private final Path path;
    private volatile Map<String, String> passphrases;

    private SrtPassphraseTable(Path path, Map<String, String> passphrases) {
        this.path = path;
        this.passphrases = passphrases;
    }

    public static SrtPassphraseTable load(Path path) throws AccessConfigException {
        SrtPassphraseTable t = new SrtPassphraseTable(path, read(path));
        log.info("SRT passphrase file {} loaded: {} streams", path, t.passphrases.size());
        return t;
    }

    /** Checks one passphrase (also for the single {@code -srt-passphrase}); the message never contains it. */
    public static void validate(String streamKey, String passphrase) throws AccessConfigException {
        int n = passphrase.getBytes(StandardCharsets.UTF_8).length;
        if (n < MIN_BYTES || n > MAX_BYTES) {
            throw new AccessConfigException("SRT passphrase for stream '" + streamKey + "' is " + n
                    + " bytes long; it must be " + MIN_BYTES + " to " + MAX_BYTES);
        }
    }

    /** The passphrase for {@code streamKey}, or empty when the file has none. */
    public Optional<String> passphraseFor(String streamKey) {
        return Optional.ofNullable(passphrases.get(streamKey));
    }

    public Set<String> streamKeys() {
        return passphrases.keySet();
    }

    public Path path() {
        return path;
    }

    /**
     * Reads the file again and swaps the table in one step.
     *
     * @return what changed, by stream key
     * @throws AccessConfigException when the file cannot be used; the previous table stays in force
     */
    public synchronized TableChange reload() throws AccessConfigException {
        Map<String, String> fresh;
        try {
            fresh = read(path);
        } catch (AccessConfigException e) {
            log.warn("SRT passphrase file reload failed, keeping the previous {} streams: {}", passphrases.size(), e.getMessage());
            throw e;
        }
        Map<String, String> old = passphrases;
        Set<String> added = new TreeSet<>(fresh.keySet());
        added.removeAll(old.keySet());
        Set<String> removed = new TreeSet<>(old.keySet());
        removed.removeAll(fresh.keySet());
        Set<String> changed = new TreeSet<>();
        fresh.forEach((k, v) -> {
            String before = old.get(k);
            if (before != null && !MessageDigest.isEqual(before.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8))) {
                changed.add(k);
            }
        });
        passphrases = fresh;
        TableChange change = new TableChange(added, removed, changed);
        log.info("SRT passphrase file {} reloaded: {}", path, change);
        return change;
    }

    private static Map<String, String> read(Path path) throws AccessConfigException {
        Map<String, String> raw = JsonStringMapFile.read(path, "SRT passphrase file");
        for (Map.Entry<String, String> e : raw.entrySet()) {
            try {
                validate(e.getKey(), e.getValue());
            } catch (AccessConfigException bad) {
                throw new AccessConfigException("SRT passphrase file " + path + ": " + bad.getMessage());
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    @Override
    public String toString() {
        return "SrtPassphraseTable[" + path + ", " + passphrases.size() + " streams]";
    }
}
