package dev.weir.engine.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code a=1&b=2} part of a stream name. Values are percent-decoded ({@code %2B} is {@code +}); a literal
 * {@code +} stays a plus, because tokens (base64) contain it and publishers rarely encode it. The first value
 * of a repeated parameter wins.
 */
final class QueryString {
    private QueryString() {}

    static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** Decodes {@code %XX} escapes as UTF-8 (runs of escapes form one byte sequence); a malformed escape is kept as written. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                run.write(hi * 16 + lo);
                i += 3;
                continue;
            }
            flush(run, out);
            out.append(c);
            i++;
        }
        flush(run, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() > 0) {
            out.append(run.toString(StandardCharsets.UTF_8));
            run.reset();
        }
    }
}
