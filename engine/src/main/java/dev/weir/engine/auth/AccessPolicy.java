package dev.weir.engine.auth;

import dev.weir.engine.config.AuthSettings;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Decides publish and play requests. One of four strategies, as the seed's {@code -auth-mode}:
 * {@link OpenAccessPolicy none}, {@link StaticTokenPolicy token}, {@link TokenFilePolicy file},
 * {@link CallbackAccessPolicy callback}.
 *
 * <p>The answer is a future so that the callback mode can ask an HTTP service without blocking the caller's
 * thread; the other modes return an already-completed future. Protocol sessions should not call this directly
 * but through {@link AccessControl}, which counts and logs refusals.
 */
public sealed interface AccessPolicy extends AutoCloseable
        permits OpenAccessPolicy, StaticTokenPolicy, TokenFilePolicy, CallbackAccessPolicy {

    /** Never completes exceptionally: failures are {@link AccessDecision.Denied} with a reason. */
    CompletableFuture<AccessDecision> decide(AccessRequest request);

    /** The {@code -auth-mode} name: none, token, file, callback. */
    String mode();

    @Override
    default void close() {
    }

    /** Builds the policy the settings describe. File mode reads its file now, so a bad file fails at start. */
    static AccessPolicy create(AuthSettings settings) throws AccessConfigException {
        return switch (settings.mode()) {
            case NONE -> new OpenAccessPolicy();
            case TOKEN -> new StaticTokenPolicy(TokenTable.of(settings.tokens()));
            case FILE -> TokenFilePolicy.load(java.nio.file.Path.of(settings.file()));
            case CALLBACK -> new CallbackAccessPolicy(URI.create(settings.callbackUrl()), settings.callbackTimeout(),
                    CallbackAccessPolicy.DEFAULT_MAX_IN_FLIGHT);
        };
    }
}
