package dev.weir.engine.config;

/**
 * RTMPS: RTMP over TLS, as the seed's {@code -tls-*} flags set it.
 *
 * @param listen {@code -tls-listen}: address of the RTMPS listener (e.g. {@code :443}); {@code null} or empty for
 *               none. Requires {@code cert} and {@code key}.
 * @param cert   {@code -tls-cert}: PEM certificate chain, leaf first
 * @param key    {@code -tls-key}: PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC; not encrypted)
 */
public record TlsSettings(String listen, String cert, String key) {
    public static final TlsSettings DEFAULTS = new TlsSettings(null, null, null);

    public TlsSettings {
        if (listen != null && listen.isBlank()) listen = null;
        if (cert != null && cert.isBlank()) cert = null;
        if (key != null && key.isBlank()) key = null;
        if (listen != null) {
            ListenAddress.parse(listen);
            if (cert == null || key == null) {
                throw new IllegalArgumentException("-tls-listen needs both -tls-cert and -tls-key");
            }
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("-tls-cert and -tls-key go together: give both or neither");
        }
    }

    public boolean enabled() {
        return listen != null;
    }
}
