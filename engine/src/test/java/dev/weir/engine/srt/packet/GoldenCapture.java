package dev.weir.engine.srt.packet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Reads the srt-live-transmit captures under {@code golden/srt/} (format in that folder's README.md). */
public record GoldenCapture(List<Datagram> datagrams) {

    /** One captured datagram; {@code direction} is {@code C>L}, {@code L>C} or {@code DROP}. */
    public record Datagram(double seconds, String direction, byte[] bytes) {
        public boolean fromCaller() {
            return direction.equals("C>L");
        }
    }

    public static GoldenCapture load(String name) {
        try (InputStream in = GoldenCapture.class.getResourceAsStream("/golden/srt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden capture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return new GoldenCapture(text.lines().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split(" ");
                return new Datagram(Double.parseDouble(f[0]), f[1], HexFormat.of().parseHex(f[2]));
            }).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Datagrams that were actually delivered (not dropped by the relay). */
    public List<Datagram> delivered() {
        return datagrams.stream().filter(d -> !d.direction().equals("DROP")).toList();
    }

    /** The n-th delivered datagram (0-based) that starts with the given 16-bit control word, e.g. 0x8000. */
    public byte[] nth(String direction, int firstTwoBytes, int n) {
        return delivered().stream().filter(d -> d.direction().equals(direction))
                .filter(d -> ((d.bytes()[0] & 0xFF) << 8 | (d.bytes()[1] & 0xFF)) == firstTwoBytes)
                .skip(n).findFirst().orElseThrow().bytes();
    }

    /** The n-th delivered data packet in a direction. */
    public byte[] nthData(String direction, int n) {
        return delivered().stream().filter(d -> d.direction().equals(direction))
                .filter(d -> d.bytes()[0] >= 0).skip(n).findFirst().orElseThrow().bytes();
    }

    public static byte[] hex(String annotated) {
        // Strip comments after '#' on each line and all whitespace.
        StringBuilder sb = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            sb.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(sb.toString());
    }
}
