package dev.weir.engine.srt.handshake;

/**
 * Decides per connection request whether the listener accepts it (by peer address, stream id, encryption...).
 * Called synchronously from the listener's state machine, once per connection (not for repeated conclusions).
 */
@FunctionalInterface
public interface AcceptPolicy {

    AcceptDecision decide(ConnectionRequest request);

    static AcceptPolicy acceptAll() {
        return request -> AcceptDecision.accept();
    }
}
