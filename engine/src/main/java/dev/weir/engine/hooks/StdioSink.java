package dev.weir.engine.hooks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * {@code -hook-stdio-format json|env}: writes every event to standard output, for log pipelines.
 * {@code json}: one compact JSON object per line ({@link HookEvent#toJson()}). {@code env}: the
 * {@link HookEvent#toEnvironment()} variables as {@code KEY=VALUE} lines, then an empty line; backslash,
 * newline and carriage return in values are written as {@code \\}, {@code \n}, {@code \r} so every variable stays
 * on one line. Each event is written in one piece, so events from concurrent workers never interleave.
 */
public final class StdioSink implements HookSink {
    public enum Format {
        JSON, ENV;

        public static Format parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> JSON;
                case "env" -> ENV;
                default -> throw new IllegalArgumentException("hook stdio format '" + text + "' is not json or env");
            };
        }
    }

    private final Format format;
    private final PrintStream out;

    public StdioSink(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    @Override
    public void deliver(HookEvent event, Duration timeout) {
        String text = format == Format.JSON ? event.toJson().toJson() + "\n" : env(event.toEnvironment());
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    static String env(Map<String, String> vars) {
        StringBuilder sb = new StringBuilder();
        vars.forEach((k, v) -> sb.append(k).append('=')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).append('\n'));
        return sb.append('\n').toString();
    }

    public Format format() {
        return format;
    }

    @Override
    public String describe() {
        return "stdio " + format.name().toLowerCase(java.util.Locale.ROOT);
    }
}
