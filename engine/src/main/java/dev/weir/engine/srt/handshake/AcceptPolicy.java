package dev.weir.engine.srt.handshake;

/**
 * Decides per connection request whether the listener accepts it (by peer address, stream id, encryption...).
 * Called synchronously from the listener's state machine, once per connection (not for repeated conclusions).
 */
@FunctionalInterface
public interface AcceptPolicy {

    AcceptDecision decide(ConnectionRequest request);

    /**
     * Told when the handshake itself refused a caller before (or instead of) asking {@link #decide}: a wrong or
     * missing passphrase ({@code BADSECRET}, {@code UNSECURE}), an unsupported version or option. For the
     * application's log and counters; must not block. {@code why} holds no secret.
     */
    default void protocolRejected(java.net.InetSocketAddress peer, RejectCode code, String why) {
    }

    static AcceptPolicy acceptAll() {
        return request -> AcceptDecision.accept();
    }
}
