package dev.weir.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JVM options of the Weir application, read from {@code app/src/main/jvm/weir.jvmopts}, the one file that
 * {@code ./weir}, {@code weir.cmd} and the installers all take them from: one option per line, blank lines and
 * lines starting with {@code #} ignored.
 */
record JvmOptionsFile(Path source, List<String> options) {

    static JvmOptionsFile read(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String option = line.strip();
            if (option.isEmpty() || option.startsWith("#")) continue;
            // jpackage splits a --java-options value at spaces, and the launchers pass each line as one argument:
            // an option with a space would mean different things to them.
            if (option.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(file + ":" + number + ": one JVM option per line, without spaces: '" + option + "'");
            }
            options.add(option);
        }
        return new JvmOptionsFile(file, List.copyOf(options));
    }

    /** The modules named by {@code --add-modules}: the runtime image must hold them or the JVM will not start. */
    Set<String> addedModules() {
        Set<String> modules = new LinkedHashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = null;
            if (option.startsWith("--add-modules=")) value = option.substring("--add-modules=".length());
            else if (option.equals("--add-modules") && i + 1 < options.size()) value = options.get(++i);
            if (value == null) continue;
            for (String module : value.split(",")) {
                if (!module.isBlank() && !module.startsWith("ALL-")) modules.add(module.strip());
            }
        }
        return modules;
    }
}
