package dev.weir.packaging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * A tool of the JDK that runs this build (jdeps, jlink, jpackage), run in this process through
 * {@link ToolProvider} so that the build uses exactly that JDK. Prints each command before running it, so the
 * build log shows what to type to reproduce a step by hand.
 */
final class JdkTool {
    private final String name;
    private final ToolProvider tool;
    private final PrintStream log;

    private JdkTool(String name, ToolProvider tool, PrintStream log) {
        this.name = name;
        this.tool = tool;
        this.log = log;
    }

    static JdkTool of(String name, PrintStream log) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                "the JDK at " + System.getProperty("java.home") + " has no " + name + "; the installers need a full "
                        + "JDK 21 or newer (not a JRE): point JAVA_HOME at one"));
        return new JdkTool(name, tool, log);
    }

    /** Runs the tool with its output going to the log; fails when it exits non-zero. */
    void run(List<String> args) {
        log.println("packaging: " + name + " " + String.join(" ", args.stream().map(JdkTool::quoted).toList()));
        log.flush();
        int code = tool.run(log, log, args.toArray(String[]::new));
        if (code != 0) throw new IllegalStateException(name + " failed (exit " + code + "); its output is above");
    }

    /** An argument as a shell would need it, so that a logged command can be pasted into a terminal. */
    static String quoted(String arg) {
        return arg.matches("[\\w./:=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Runs the tool and returns what it printed on its standard output; fails when it exits non-zero. */
    String capture(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(name + " " + String.join(" ", args) + " failed (exit " + code + "):\n" + err + out);
        }
        return out.toString();
    }
}
