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

    record Accept(Passphrase passphraseOverride) implements AcceptDecision {
    }

    record Reject(RejectCode code) implements AcceptDecision {
        public Reject {
            Objects.requireNonNull(code, "code");
        }
    }
}
