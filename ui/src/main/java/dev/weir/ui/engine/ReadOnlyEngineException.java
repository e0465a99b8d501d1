package dev.weir.ui.engine;

/** An action that changes the engine was asked while the console watches a remote server, which it never changes. */
public final class ReadOnlyEngineException extends IllegalStateException {
    public ReadOnlyEngineException(String remoteLabel) {
        super("read-only — attached to " + remoteLabel + "; detach to control the local engine");
    }
}
