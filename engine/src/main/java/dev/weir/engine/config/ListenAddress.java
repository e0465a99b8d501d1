package dev.weir.engine.config;

import java.net.InetSocketAddress;

/**
 * Parses listen addresses the way the seed server's flags write them: {@code :1935}, {@code host:1935},
 * {@code [::1]:1935}. An empty host means all interfaces.
 */
public final class ListenAddress {
    private ListenAddress() {}

    public static InetSocketAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("listen address is empty; write it as :PORT or HOST:PORT");
        }
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("listen address '" + s + "' has no port; write it as :PORT or HOST:PORT");
        }
        String host = s.substring(0, colon);
        String portText = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("IPv6 address '" + host + "' must be written in brackets: [" + host + "]:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + portText + "' in '" + s + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + s + "' is out of range 0-65535");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
