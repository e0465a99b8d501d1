package dev.weir.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict checker of the Prometheus text format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats),
 * written from the format's description, independent of {@link PrometheusText}. Returns the problems found; an
 * empty list means the text is valid. Stricter than Prometheus itself: every family must have HELP and TYPE
 * before its samples, a family's samples must be contiguous, counters must end in {@code _total}, and no series
 * may repeat.
 */
final class PrometheusTextValidator {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\\n]|\\\\\\\\|\\\\n)*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\\\\\|\\\\\"|\\\\n)*)\"");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+(?:[eE][+-]?[0-9]+)?|Inf)|NaN");

    private PrometheusTextValidator() {}

    /** A parsed sample, for tests that look values up. */
    record Sample(String name, Map<String, String> labels, double value) {}

    static List<String> problems(String text) {
        return check(text, new ArrayList<>());
    }

    static List<Sample> samples(String text) {
        List<Sample> out = new ArrayList<>();
        List<String> problems = check(text, out);
        if (!problems.isEmpty()) throw new AssertionError("invalid exposition: " + problems);
        return out;
    }

    private static List<String> check(String text, List<Sample> samples) {
        List<String> problems = new ArrayList<>();
        if (!text.isEmpty() && !text.endsWith("\n")) problems.add("text does not end with a line feed");
        Map<String, String> types = new HashMap<>();
        Set<String> helps = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": ";
            Matcher m;
            if (line.startsWith("# HELP ")) {
                if (!(m = HELP.matcher(line)).matches()) { problems.add(where + "bad HELP"); continue; }
                String f = m.group(1);
                if (!helps.add(f)) problems.add(where + "second HELP for " + f);
                if (closed.contains(f) || (current != null && !current.equals(f) && types.containsKey(f))) problems.add(where + "family " + f + " reopened");
                if (current != null && !current.equals(f)) closed.add(current);
                current = f;
            } else if (line.startsWith("# TYPE ")) {
                if (!(m = TYPE.matcher(line)).matches()) { problems.add(where + "bad TYPE"); continue; }
                String f = m.group(1);
                if (types.put(f, m.group(2)) != null) problems.add(where + "second TYPE for " + f);
                if (!f.equals(current)) problems.add(where + "TYPE for " + f + " not right after its HELP");
                if (m.group(2).equals("counter") && !f.endsWith("_total")) problems.add(where + "counter " + f + " does not end in _total");
            } else if (line.startsWith("#") || line.isEmpty()) {
                problems.add(where + "unexpected comment or empty line");
            } else {
                if (!(m = SAMPLE.matcher(line)).matches()) { problems.add(where + "bad sample: " + line); continue; }
                String name = m.group(1);
                if (!name.equals(current)) problems.add(where + "sample " + name + " outside its family (current " + current + ")");
                if (!types.containsKey(name)) problems.add(where + "sample " + name + " without TYPE");
                Map<String, String> labels = new java.util.LinkedHashMap<>();
                if (m.group(3) != null && !labels(m.group(3), labels)) problems.add(where + "bad labels: " + m.group(3));
                if (!FLOAT.matcher(m.group(4)).matches()) problems.add(where + "bad value " + m.group(4));
                if (!series.add(name + new java.util.TreeMap<>(labels))) problems.add(where + "duplicate series " + line);
                double v = m.group(4).equals("NaN") ? Double.NaN : m.group(4).endsWith("Inf")
                        ? (m.group(4).startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : safeParse(m.group(4));
                samples.add(new Sample(name, labels, v));
            }
        }
        return problems;
    }

    private static double safeParse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                char n = v.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Parses {@code a="x",b="y"} (trailing comma allowed by the format); false when malformed or a name repeats. */
    private static boolean labels(String body, Map<String, String> out) {
        int pos = 0;
        while (pos < body.length()) {
            Matcher m = LABEL.matcher(body).region(pos, body.length());
            if (!m.lookingAt()) return false;
            String value = unescape(m.group(2));
            if (out.put(m.group(1), value) != null) return false;
            pos = m.end();
            if (pos < body.length()) {
                if (body.charAt(pos) != ',') return false;
                pos++;
            }
        }
        return true;
    }
}
