package dev.weir.engine.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads the media golden vectors under src/test/resources/golden/media (see the README there for their origin);
 * {@link #hex} accepts annotated hex with {@code #} comments.
 */
public final class MediaGolden {
    private MediaGolden() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = MediaGolden.class.getResourceAsStream("/golden/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file golden/media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .hex golden file: hex digits, whitespace and '#' comments ignored. */
    public static byte[] hexFile(String name) {
        return hex(new String(bytes(name), StandardCharsets.US_ASCII));
    }

    /** Hex with spaces, newlines and '#'-to-end-of-line comments allowed, for annotated byte arrays in tests. */
    public static byte[] hex(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            for (char c : code.toCharArray()) {
                if (Character.digit(c, 16) >= 0) {
                    digits.append(c);
                }
            }
        }
        return HexFormat.of().parseHex(digits);
    }
}
