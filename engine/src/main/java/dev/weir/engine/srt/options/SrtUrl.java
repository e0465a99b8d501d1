package dev.weir.engine.srt.options;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code srt://host:port?key=value&...} address as srt-live-transmit and ffmpeg take it: the host to call (or,
 * for a listener, the address to bind; empty means every interface), the port, and the socket options.
 *
 * <p>Like srt-live-transmit, the mode defaults to listener when the host is empty and to caller otherwise, and
 * {@code mode=client}/{@code mode=server} are accepted as aliases. Query values are percent-decoded ({@code %23}
 * for a {@code #} in a stream id); a {@code #} is <em>not</em> a fragment separator. Every key must be one of
 * {@link SrtOptionTable}'s; an unknown key, a repeated key or a bad value is an {@link SrtOptionException}.
 *
 * @param host    host name or literal address, empty for "any" (listener)
 * @param port    UDP port, 1..65535
 * @param options the validated options (mode included)
 */
public record SrtUrl(String host, int port, SrtOptions options) {

    public SrtUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        if (port < 1 || port > 65535) {
            throw new SrtOptionException("url", "port must be 1..65535, got " + port);
        }
    }

    public static SrtUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String rest;
        if (url.regionMatches(true, 0, "srt://", 0, 6)) {
            rest = url.substring(6);
        } else {
            throw new SrtOptionException("url", "must start with srt://, got '" + url + "'");
        }
        int query = rest.indexOf('?');
        String authority = query < 0 ? rest : rest.substring(0, query);
        String queryText = query < 0 ? "" : rest.substring(query + 1);
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            String path = authority.substring(slash);
            if (!path.equals("/")) {
                throw new SrtOptionException("url", "has a path '" + path
                        + "'; SRT addresses have none (put the stream name in ?streamid=)");
            }
            authority = authority.substring(0, slash);
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || close + 1 >= authority.length() || authority.charAt(close + 1) != ':') {
                throw new SrtOptionException("url", "IPv6 address must be written [addr]:port in '" + url + "'");
            }
            host = authority.substring(1, close);
            portText = authority.substring(close + 2);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon < 0) {
                throw new SrtOptionException("url", "has no port in '" + url + "' (write srt://host:port)");
            }
            host = authority.substring(0, colon);
            portText = authority.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new SrtOptionException("url", "port '" + portText + "' is not a number");
        }
        Map<String, String> params = parseQuery(queryText);
        SrtOptions.Builder builder = SrtOptions.builder()
                .mode(host.isEmpty() ? SrtMode.LISTENER : SrtMode.CALLER);
        SrtOptionTable.applyAll(builder, params);
        return new SrtUrl(host, port, builder.build());
    }

    /** Where to send the handshake (caller) or what to bind (listener; host empty = all interfaces). */
    public InetSocketAddress socketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    public SrtMode mode() {
        return options.mode();
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(key, value) != null) {
                throw new SrtOptionException(key, "is given twice");
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            // '+' stays '+' (passphrases and stream ids may contain it); only %XX escapes are decoded.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SrtOptionException("url", "has a malformed %-escape in '" + text + "'");
        }
    }
}
