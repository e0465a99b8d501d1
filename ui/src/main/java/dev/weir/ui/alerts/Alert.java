package dev.weir.ui.alerts;

import java.time.Instant;

/**
 * Something an operator must not miss, derived from two snapshots in a row.
 *
 * @param at   when the snapshot that showed it was taken
 * @param text one sentence naming the stream or listener
 */
public record Alert(Kind kind, Instant at, String text) {
    public enum Kind {
        PUBLISHER_CONNECTED(false), PUBLISHER_DROPPED(true), RECORDING_FAILED(true), RELAY_FAILING(true),
        CONNECTIONS_REFUSED(true);

        private final boolean warning;

        Kind(boolean warning) {
            this.warning = warning;
        }

        public boolean warning() {
            return warning;
        }
    }
}
