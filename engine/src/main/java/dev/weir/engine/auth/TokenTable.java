package dev.weir.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable stream key to token table that checks tokens in constant time.
 *
 * <p>Only SHA-256 digests of the tokens are kept, and a check compares the digest of the offered token with
 * {@link MessageDigest#isEqual}: the comparison time depends neither on where the first differing byte is nor on
 * the token's length, and a heap dump does not show the tokens. Unknown keys are compared against a dummy digest
 * so they take the same time as known ones.
 */
public final class TokenTable {
    private static final byte[] DUMMY = sha256("weir: no such stream key");

    private final Map<String, byte[]> digests;

    private TokenTable(Map<String, byte[]> digests) {
        this.digests = digests;
    }

    /** @throws AccessConfigException for an empty key or token */
    public static TokenTable of(Map<String, String> tokens) throws AccessConfigException {
        Map<String, byte[]> d = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank()) throw new AccessConfigException("a token entry has an empty stream key");
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new AccessConfigException("the token for stream '" + key + "' is empty");
            }
            d.put(key, sha256(e.getValue()));
        }
        return new TokenTable(Collections.unmodifiableMap(d));
    }

    public Set<String> keys() {
        return digests.keySet();
    }

    public int size() {
        return digests.size();
    }

    /** Checks {@code token} for {@code streamKey}; {@code null} when it is right, else why not. */
    public DenyReason check(String streamKey, String token) {
        byte[] expected = digests.get(streamKey);
        byte[] offered = token == null ? DUMMY : sha256(token);
        boolean match = MessageDigest.isEqual(expected == null ? DUMMY : expected, offered);
        if (expected == null) return DenyReason.STREAM_NOT_ALLOWED;
        if (token == null) return DenyReason.TOKEN_MISSING;
        return match ? null : DenyReason.TOKEN_INVALID;
    }

    /** What differs from {@code older}: keys added, removed, and keys whose token changed. */
    public TableChange changesSince(TokenTable older) {
        Set<String> added = new TreeSet<>(digests.keySet());
        added.removeAll(older.digests.keySet());
        Set<String> removed = new TreeSet<>(older.digests.keySet());
        removed.removeAll(digests.keySet());
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, byte[]> e : digests.entrySet()) {
            byte[] before = older.digests.get(e.getKey());
            if (before != null && !MessageDigest.isEqual(before, e.getValue())) changed.add(e.getKey());
        }
        return new TableChange(added, removed, changed);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
