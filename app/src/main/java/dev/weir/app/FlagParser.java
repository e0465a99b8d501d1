package dev.weir.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses flags written the way the seed server (Go's flag package) writes them: {@code -name value},
 * {@code -name=value}, {@code --name value}; boolean flags stand alone or take {@code =true|false}.
 */
final class FlagParser {
    private final String command;
    private final Map<String, FlagSpec> specs = new LinkedHashMap<>();

    FlagParser(String command, List<FlagSpec> specs) {
        this.command = command;
        for (FlagSpec s : specs) this.specs.put(s.name(), s);
    }

    /** Parsed flags: name to the values given, in order. A boolean flag given bare has the value "true". */
    record Parsed(Map<String, List<String>> values) {
        String last(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean has(String name) {
            return values.containsKey(name);
        }
    }

    Parsed parse(List<String> args) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
                throw new UsageException("unexpected argument '" + arg + "': " + command + " takes only flags");
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String name = body;
            String inline = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                inline = body.substring(eq + 1);
            }
            FlagSpec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown flag -" + name + " for " + command);
            }
            if (!spec.implemented()) {
                throw new UsageException("flag -" + name + " (" + spec.help() + ") is not available in this version of Weir yet");
            }
            String value;
            if (spec.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("flag -" + name + " needs a value: -" + name + " " + spec.valueName());
                }
            } else {
                value = inline == null ? "true" : inline;
                if (!value.equals("true") && !value.equals("false")) {
                    throw new UsageException("flag -" + name + " is true or false, not '" + value + "'");
                }
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !spec.repeatable()) {
                throw new UsageException("flag -" + name + " is given twice");
            }
            list.add(value);
        }
        return new Parsed(values);
    }

    String help() {
        StringBuilder b = new StringBuilder();
        for (FlagSpec s : specs.values()) {
            String head = "  -" + s.name() + (s.takesValue() ? " " + s.valueName() : "");
            b.append(String.format("%-34s %s%s%n", head, s.help(), s.implemented() ? "" : " (not available yet)"));
        }
        return b.toString();
    }
}
