package dev.weir.engine.hooks;

/** A hook that did not complete: error status, non-zero exit, timeout. The message is for the operator log. */
public final class HookFailedException extends Exception {
    private final boolean timedOut;

    public HookFailedException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
