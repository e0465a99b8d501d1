package dev.weir.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per metric family one {@code # HELP} and one
 * {@code # TYPE} line, then its samples together. Label values are escaped as the format requires
 * (backslash, double quote, line feed); HELP text escapes backslash and line feed.
 *
 * <p>Families must be written one after the other ({@link #family} then its {@link #sample}s); a sample for a
 * family other than the current one is a programming error and throws.
 */
public final class PrometheusText {
    /** {@code Content-Type} of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public enum Type { COUNTER, GAUGE }

    private final StringBuilder out = new StringBuilder(4096);
    private String family;
    private final java.util.Set<String> families = new java.util.HashSet<>();

    /** Starts a family. Counter names must end in {@code _total}. */
    public PrometheusText family(String name, Type type, String help) {
        if (!METRIC_NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name " + name);
        if (type == Type.COUNTER && !name.endsWith("_total")) throw new IllegalArgumentException("counter " + name + " must end in _total");
        if (!families.add(name)) throw new IllegalArgumentException("metric family " + name + " written twice");
        family = name;
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type == Type.COUNTER ? "counter" : "gauge").append('\n');
        return this;
    }

    /** One integer sample, written exactly. Label pairs as in {@link #sample(double, String...)}. */
    public PrometheusText sample(long value, String... labels) {
        return sample0(Long.toString(value), labels);
    }

    /** One sample of the current family. Label pairs: name, value, name, value...; {@code null} values are written empty. */
    public PrometheusText sample(double value, String... labels) {
        return sample0(number(value), labels);
    }

    private PrometheusText sample0(String value, String... labels) {
        if (family == null) throw new IllegalStateException("sample before family");
        if (labels.length % 2 != 0) throw new IllegalArgumentException("labels come in name/value pairs");
        out.append(family);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("bad label name " + labels[i]);
                }
                if (i > 0) out.append(',');
                out.append(labels[i]).append("=\"");
                escapeLabelValue(labels[i + 1] == null ? "" : labels[i + 1], out);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
        return this;
    }

    /** Convenience for labels built in a map (insertion order kept). */
    public PrometheusText sample(double value, Map<String, String> labels) {
        String[] pairs = new String[labels.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : new LinkedHashMap<>(labels).entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return sample(value, pairs);
    }

    static void escapeLabelValue(String v, StringBuilder out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** Integers without a fraction (byte counters stay exact up to 2^53), specials as the format spells them. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        // Plain decimal (1795237200.25, not 1.79523720025E9): both parse, this one reads.
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
