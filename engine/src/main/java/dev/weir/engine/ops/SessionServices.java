package dev.weir.engine.ops;

import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.RelayLoopGuard;
import dev.weir.engine.auth.OpenAccessPolicy;
import dev.weir.engine.auth.SrtPassphraseTable;
import dev.weir.engine.hooks.HookDispatcher;
import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.tls.ServerTls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What protocol sessions ask and tell beyond the hub: access control before a publish or play, hook events when
 * one starts or stops, the per-stream SRT passphrases, and the RTMPS certificate. The engine builds it from its
 * {@link OpsServices}; {@link #OPEN} (everyone admitted, no hooks) is for listeners built without an engine.
 *
 * @param access         asked before every publish and play
 * @param hooks          told about starts, stops, recordings and relay failures
 * @param srtPassphrases per-stream SRT passphrases ({@code -srt-passphrase-file}), or {@code null}
 * @param tls            the RTMPS server certificate, or {@code null} when RTMPS is off
 * @param relayLoops     this engine's instance id, the relay paths of its publishers and its listeners, to refuse
 *                       relay loops
 */
public record SessionServices(AccessControl access, HookDispatcher hooks, SrtPassphraseTable srtPassphrases,
                              ServerTls tls, RelayLoopGuard relayLoops) {

    /** Admits everyone and fires nothing. Its dispatcher has no hooks and starts no thread until fired. */
    public static final SessionServices OPEN = new SessionServices(new AccessControl(new OpenAccessPolicy(), null),
            new HookDispatcher(List.of(), Duration.ofSeconds(1), 1, 1, null, null), null, null);

    public SessionServices {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(relayLoops, "relayLoops");
    }

    /** With a relay loop guard of its own: the engine builds one of these, so each engine has one instance id. */
    public SessionServices(AccessControl access, HookDispatcher hooks, SrtPassphraseTable srtPassphrases, ServerTls tls) {
        this(access, hooks, srtPassphrases, tls, new RelayLoopGuard());
    }

    /** Fires {@code event}; never blocks, never throws into the session. */
    public void fire(HookEvent event) {
        try {
            hooks.fire(event);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SessionServices.class).warn("hook dispatch failed for {}", event.summary(), e);
        }
    }
}
