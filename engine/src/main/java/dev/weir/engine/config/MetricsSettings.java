package dev.weir.engine.config;

/**
 * The HTTP metrics and JSON API server.
 *
 * @param listen {@code -metrics-addr}: {@code :8080}, {@code 127.0.0.1:8080}, {@code [::1]:8080}; empty or
 *               {@code null} for no server (the default, as in the seed)
 */
public record MetricsSettings(String listen) {
    public static final MetricsSettings DEFAULTS = new MetricsSettings(null);

    public MetricsSettings {
        if (listen != null && listen.isBlank()) listen = null;
        if (listen != null) ListenAddress.parse(listen); // fails early with the parser's message
    }

    public boolean enabled() {
        return listen != null;
    }
}
