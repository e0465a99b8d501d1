package dev.weir.engine.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a golden vector from {@code src/test/resources/golden/} (see the README there for origins). */
public final class Golden {
    private Golden() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) throw new IllegalArgumentException("no golden vector " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex text (spaces and newlines ignored) to bytes, for annotated vectors in test source. */
    public static byte[] hex(String text) {
        String s = text.replaceAll("\\s+", "");
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    /**
     * Concatenates annotated parts: an {@code Integer} is one byte, a {@code String} its ASCII bytes (FourCCs,
     * AMF names), a {@code byte[]} itself.
     */
    public static byte[] of(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            switch (p) {
                case Integer i -> out.write(i);
                case String s -> out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                case byte[] b -> out.writeBytes(b);
                default -> throw new IllegalArgumentException("cannot write " + p);
            }
        }
        return out.toByteArray();
    }
}
