package dev.weir.ui.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address of a remote {@code weir server}'s API, as the operator types it: what that server was given as
 * {@code -metrics-addr} (the host it is reached at and the port), with or without {@code http://}:
 * {@code 10.0.0.5:8080}, {@code http://ingest1.example.com:8080}, {@code https://[2001:db8::5]:8443}.
 *
 * @param base  {@code http(s)://host:port}, what {@code RemoteStatsSource} polls
 * @param label {@code host:port}, shown in the read-only indicator
 */
public record RemoteAddress(URI base, String label) {

    /**
     * @throws IllegalArgumentException with a sentence an operator can act on (no port, a path, another scheme)
     */
    public static RemoteAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("give the remote server's API address, e.g. http://10.0.0.5:8080 "
                    + "(what it was started with as -metrics-addr)");
        }
        String withScheme = t.contains("://") ? t : "http://" + t;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + t + "' is not an address: " + e.getReason()
                    + "; write http://HOST:PORT, e.g. http://10.0.0.5:8080");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + t + "': the API is reached over http:// or https://, not "
                    + scheme + "://; write http://HOST:PORT (the server's -metrics-addr)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + t + "' names no host; write http://HOST:PORT, e.g. http://10.0.0.5:8080"
                    + " (a server started with -metrics-addr :8080 listens on every address of its machine)");
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + t + "' has no port; write HOST:PORT with the port of the server's "
                    + "-metrics-addr, e.g. " + uri.getHost() + ":8080");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("'" + t + "': port " + uri.getPort() + " is not between 1 and 65535");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + t + "': give only the address, without a path or query "
                    + "(Weir adds /api/v1/snapshot itself), e.g. " + scheme + "://" + uri.getRawAuthority());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + t + "': the API has no login; remove the user name");
        }
        String host = uri.getHost();
        String label = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + uri.getPort();
        return new RemoteAddress(URI.create(scheme + "://" + label), label);
    }
}
