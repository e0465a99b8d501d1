package dev.weir.engine.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Access control for publish and play requests, as the seed server's {@code -auth-*} flags set it.
 *
 * @param mode            {@code -auth-mode}: none, token, file or callback
 * @param tokens          {@code -auth-token "live/a=secret"} (repeatable): stream key to token, for token mode
 * @param file            {@code -auth-file}: JSON object of stream key to token, for file mode
 * @param callbackUrl     {@code -auth-callback}: http(s) URL POSTed for each request, for callback mode
 * @param callbackTimeout {@code -auth-callback-timeout}: default 5s
 */
public record AuthSettings(AuthMode mode, Map<String, String> tokens, String file, String callbackUrl,
                           Duration callbackTimeout) {

    public static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(5);
    public static final AuthSettings DEFAULTS = new AuthSettings(AuthMode.NONE, Map.of(), null, null, DEFAULT_CALLBACK_TIMEOUT);

    public enum AuthMode {
        NONE, TOKEN, FILE, CALLBACK;

        /** Parses the flag value ({@code none|token|file|callback}, any case). */
        public static AuthMode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("auth mode '" + text + "' is not one of none, token, file, callback");
            }
        }
    }

    public AuthSettings {
        if (mode == null) mode = AuthMode.NONE;
        tokens = tokens == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        if (callbackTimeout == null) callbackTimeout = DEFAULT_CALLBACK_TIMEOUT;
        if (callbackTimeout.isNegative() || callbackTimeout.isZero()) {
            throw new IllegalArgumentException("auth callback timeout must be positive, got " + callbackTimeout);
        }
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) throw new IllegalArgumentException("auth token with an empty stream key");
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("auth token for stream '" + e.getKey() + "' is empty");
            }
        }
        switch (mode) {
            case TOKEN -> {
                if (tokens.isEmpty()) throw new IllegalArgumentException("auth mode token needs at least one -auth-token streamKey=token");
            }
            case FILE -> {
                if (file == null || file.isBlank()) throw new IllegalArgumentException("auth mode file needs -auth-file PATH");
            }
            case CALLBACK -> {
                if (callbackUrl == null || callbackUrl.isBlank()) {
                    throw new IllegalArgumentException("auth mode callback needs -auth-callback URL");
                }
                checkHttpUrl(callbackUrl);
            }
            case NONE -> { }
        }
    }

    /**
     * Splits one {@code -auth-token} value at its first {@code =}: {@code live/a=s3cr=t} is key {@code live/a},
     * token {@code s3cr=t} (tokens such as base64 may contain {@code =}, stream keys do not).
     */
    public static Map.Entry<String, String> parseTokenFlag(String value) {
        int eq = value == null ? -1 : value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("-auth-token must be streamKey=token, e.g. live/stream1=secret123");
        }
        return Map.entry(value.substring(0, eq).strip(), value.substring(eq + 1));
    }

    static void checkHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL with a host");
        }
    }

    /** Tokens are secrets: the text form names the keys only. */
    @Override
    public String toString() {
        return "AuthSettings[mode=" + mode + ", tokens for " + tokens.keySet() + ", file=" + file
                + ", callbackUrl=" + callbackUrl + ", callbackTimeout=" + callbackTimeout + "]";
    }
}
