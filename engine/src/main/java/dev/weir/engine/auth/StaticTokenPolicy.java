package dev.weir.engine.auth;

import java.util.concurrent.CompletableFuture;

/**
 * {@code -auth-mode token}: a fixed table from {@code -auth-token streamKey=token} flags. A stream key not in the
 * table may not be published or played.
 */
public record StaticTokenPolicy(TokenTable table) implements AccessPolicy {

    @Override
    public CompletableFuture<AccessDecision> decide(AccessRequest request) {
        return CompletableFuture.completedFuture(TokenFilePolicy.decide(table, request));
    }

    @Override
    public String mode() {
        return "token";
    }
}
