package dev.weir.engine.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where published streams are pushed ({@code -relay-to}, repeatable; JSON {@code "relay": {"destinations":
 * [{"stream": "live/test", "url": "rtmp://..."}, {"stream": null, "url": "srt://..."}]}}).
 *
 * @param destinations in the order given; empty for no relays
 */
public record RelaySettings(List<Destination> destinations) {
    public static final RelaySettings DEFAULTS = new RelaySettings(List.of());

    public RelaySettings {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /**
     * One destination.
     *
     * @param stream the stream key it relays ({@code live/test}), or {@code null} for every stream
     * @param url    {@code rtmp://}, {@code rtmps://} or {@code srt://} URL; how it names the stream at the
     *               destination is {@code relay.RelayTarget}'s rule. May hold credentials: never logged as is.
     */
    public record Destination(String stream, String url) {
        public Destination {
            Objects.requireNonNull(url, "url");
            if (stream != null && stream.isBlank()) stream = null;
            if (stream != null && (stream.indexOf('/') <= 0 || stream.endsWith("/"))) {
                throw new IllegalArgumentException("relay stream '" + stream + "' is not of the form app/name");
            }
            String scheme = schemeOf(url);
            if (scheme == null || !(scheme.equals("rtmp") || scheme.equals("rtmps") || scheme.equals("srt"))) {
                throw new IllegalArgumentException("relay destination must be an rtmp://, rtmps:// or srt:// URL, got '"
                        + beforeQuery(url) + "'");
            }
        }

        /**
         * Parses a {@code -relay-to} value: a bare URL relays every stream; {@code live/test=URL} relays that
         * stream only.
         */
        public static Destination parse(String flagValue) {
            String v = flagValue.strip();
            if (schemeOf(v) != null) return new Destination(null, v);
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-relay-to '" + beforeQuery(v)
                        + "' is neither a URL (rtmp://, rtmps://, srt://) nor STREAM=URL");
            }
            return new Destination(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
        }

        /** True when this destination relays {@code streamKey}. */
        public boolean matches(String streamKey) {
            return stream == null || stream.equals(streamKey);
        }

        /** The URL is left out: it may carry a token or passphrase. */
        @Override
        public String toString() {
            return "Destination[" + (stream == null ? "every stream" : stream) + " -> " + beforeQuery(url) + "]";
        }

        private static String schemeOf(String url) {
            int i = url.indexOf("://");
            if (i <= 0) return null;
            String s = url.substring(0, i).toLowerCase(Locale.ROOT);
            return s.chars().allMatch(Character::isLetter) ? s : null;
        }

        private static String beforeQuery(String url) {
            int q = url.indexOf('?');
            String u = q < 0 ? url : url.substring(0, q);
            int at = u.indexOf('@');
            int scheme = u.indexOf("://");
            if (at > 0 && scheme > 0 && at > scheme) u = u.substring(0, scheme + 3) + "***@" + u.substring(at + 1);
            return u;
        }
    }
}
