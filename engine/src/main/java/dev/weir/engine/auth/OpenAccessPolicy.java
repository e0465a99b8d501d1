package dev.weir.engine.auth;

import java.util.concurrent.CompletableFuture;

/** {@code -auth-mode none}: everyone may publish and play. */
public record OpenAccessPolicy() implements AccessPolicy {
    private static final CompletableFuture<AccessDecision> ALLOWED = CompletableFuture.completedFuture(AccessDecision.ALLOW);

    @Override
    public CompletableFuture<AccessDecision> decide(AccessRequest request) {
        return ALLOWED;
    }

    @Override
    public String mode() {
        return "none";
    }
}
