package dev.weir.app;

/** Entry point of every subcommand: {@code weir}, {@code weir server}, {@code weir transmit}, {@code weir --version}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-version"))) {
            System.out.println("weir " + Version.current());
            return 0;
        }
        System.err.println("weir: not built yet");
        return 2;
    }
}
