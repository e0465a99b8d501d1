package dev.weir.app;

import java.io.PrintStream;
import java.util.List;

/** {@code weir}: opens the operator console. */
final class ConsoleCommand {
    private ConsoleCommand() {}

    /** Starts the console; returns a negative number when the window is running, or an exit code on failure. */
    static int launch(List<String> args, PrintStream err) {
        err.println("weir: the console is not built yet");
        return 2;
    }
}
