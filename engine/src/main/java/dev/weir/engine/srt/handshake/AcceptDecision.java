package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.Passphrase;
import java.util.Objects;

/** The listener application's answer to a {@link ConnectionRequest}. */
public sealed interface AcceptDecision {

    /** Accept with the listener's configured passphrase. */
    static AcceptDecision accept() {
        return new Accept(null);
    }

    /** Accept, using this passphrase for this connection (e.g. one per stream id), like libsrt's callback can. */
    static AcceptDecision acceptWithPassphrase(Passphrase passphrase) {
        return new Accept(Objects.requireNonNull(passphrase, "passphrase"));
    }

    static AcceptDecision reject(RejectCode code) {
        return new Reject(code);
    }

    /**
     * Not decided yet (e.g. an auth callback is in flight): the listener answers nothing and remembers nothing, so
     * the caller's next repeated conclusion (libsrt repeats it every 250 ms until its connect timeout) asks the
     * policy again, which then answers from the finished decision.
     */
    static AcceptDecision pending() {
        return Pending.INSTANCE;
    }

    record Accept(Passphrase passphraseOverride) implements AcceptDecision {
    }

    enum Pending implements AcceptDecision { INSTANCE }

    record Reject(RejectCode code) implements AcceptDecision {
        public Reject {
            Objects.requireNonNull(code, "code");
        }
    }
}
