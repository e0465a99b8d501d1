package dev.weir.engine.auth;

/**
 * Told of every refused request, after it was counted and logged. The engine wires this to the
 * {@code connection_rejected} hook event. Called on whichever thread completed the decision: keep it short.
 */
@FunctionalInterface
public interface RejectionListener {
    RejectionListener NONE = (request, denied) -> { };

    void rejected(AccessRequest request, AccessDecision.Denied denied);
}
