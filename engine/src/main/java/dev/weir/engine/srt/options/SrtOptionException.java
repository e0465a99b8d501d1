package dev.weir.engine.srt.options;

/**
 * An SRT option that is unknown, malformed, out of range or not supported by Weir. The message names the option
 * as it is spelled in an {@code srt://} URL so that an operator can find it in their command line.
 */
public final class SrtOptionException extends IllegalArgumentException {

    private final String option;

    public SrtOptionException(String option, String problem) {
        super("SRT option '" + option + "' " + problem);
        this.option = option;
    }

    /** The option's URL name ("latency", "passphrase"...), or "url" for a malformed URL. */
    public String option() {
        return option;
    }
}
