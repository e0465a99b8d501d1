package dev.weir.ui.listeners;

/** What a listener row shows: the engine's view of the listener, plus the moments the console is waiting on it. */
public enum ListenerRowState {
    STOPPED("Stopped"),
    STARTING("Starting…"),
    RUNNING("Running"),
    STOPPING("Stopping…"),
    FAILED("Failed");

    private final String label;

    ListenerRowState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The row's button acts only when the listener is not in the middle of a change. */
    public boolean isSettled() {
        return this != STARTING && this != STOPPING;
    }
}
