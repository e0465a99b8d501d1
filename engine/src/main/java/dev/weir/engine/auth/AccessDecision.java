package dev.weir.engine.auth;

import java.util.Objects;

/** The answer to an {@link AccessRequest}: allowed, or denied with a reason. */
public sealed interface AccessDecision {

    Allowed ALLOW = new Allowed();

    static AccessDecision deny(DenyReason reason, String detail) {
        return new Denied(reason, detail);
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements AccessDecision {}

    /**
     * @param reason what failed; maps to the RTMP status and SRT reject code
     * @param detail operator-readable detail for the log (e.g. "callback answered 403", "timed out after 5s");
     *               never contains a token
     */
    record Denied(DenyReason reason, String detail) implements AccessDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            if (detail == null) detail = reason.description();
        }
    }
}
