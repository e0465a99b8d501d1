package dev.weir.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point of every subcommand: {@code weir}, {@code weir server}, {@code weir transmit}, {@code weir --version}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String first = args.length == 0 ? "" : args[0];
        return switch (first) {
            case "--version", "-version", "version" -> {
                out.println("weir " + Version.current());
                yield 0;
            }
            case "help", "-help", "--help", "-h" -> {
                out.print(usage());
                yield 0;
            }
            case "server" -> new ServerCommand(out, err).run(rest);
            case "transmit" -> new TransmitCommand(out, err).run(rest);
            case "" -> ConsoleCommand.launch(rest, out, err);
            default -> {
                if (first.startsWith("-")) yield ConsoleCommand.launch(Arrays.asList(args), out, err);
                err.println("weir: unknown command '" + first + "'");
                err.print(usage());
                yield 2;
            }
        };
    }

    static String usage() {
        return """
                usage:
                  weir                      open the console
                  weir --attach URL         open the console on a remote weir server, read-only (URL: its -metrics-addr)
                  weir server [flags]       run the engine without a window (weir server -help for flags)
                  weir transmit -from A -to B   move a live stream between SRT, UDP and stdio
                  weir --version            print the version
                """;
    }
}
