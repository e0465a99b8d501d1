package dev.weir.engine.testing;

import java.io.ByteArrayOutputStream;

/**
 * Hand-annotated byte vectors for golden tests: hex digits with any spacing, and {@code //} comments to the
 * end of the line, so each field of a wire format can be labelled where it sits.
 */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String annotated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf("//");
            String hex = (comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s+", "");
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in line: " + line);
            }
            for (int i = 0; i < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }

    /** Lower-case hex of {@code b}, for readable assertion messages. */
    public static String of(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
