package dev.weir.engine.srt.transmit;

import dev.weir.engine.srt.options.SrtOptionException;
import dev.weir.engine.srt.options.SrtUrl;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One end of {@code weir transmit}: {@code -} (stdin as source, stdout as sink), {@code udp://host:port} (a source
 * binds it, an empty host meaning every interface; a sink sends to it) or {@code srt://host:port?options} (caller
 * or listener by {@code mode=}, as srt-live-transmit).
 */
public sealed interface TransmitEndpoint {

    record Stdio() implements TransmitEndpoint {
        @Override
        public String toString() {
            return "-";
        }
    }

    record Udp(String host, int port) implements TransmitEndpoint {
        public Udp {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("UDP port must be 1..65535, got " + port);
            }
        }

        public InetSocketAddress address() {
            return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return "udp://" + host + ":" + port;
        }
    }

    record Srt(SrtUrl url) implements TransmitEndpoint {
        @Override
        public String toString() {
            return "srt://" + url.host() + ":" + url.port() + " (" + url.mode().name().toLowerCase() + ")";
        }
    }

    /**
     * Parses an address as given on the command line.
     *
     * @throws IllegalArgumentException (an {@link SrtOptionException} for SRT options) with an operator-readable
     *                                  message
     */
    static TransmitEndpoint parse(String address) {
        Objects.requireNonNull(address, "address");
        if (address.equals("-")) {
            return new Stdio();
        }
        if (address.regionMatches(true, 0, "srt://", 0, 6)) {
            return new Srt(SrtUrl.parse(address));
        }
        if (address.regionMatches(true, 0, "udp://", 0, 6)) {
            String rest = address.substring(6);
            int query = rest.indexOf('?');
            if (query >= 0) {
                throw new IllegalArgumentException("udp:// addresses take no options here: '" + address + "'");
            }
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("udp address needs a port: '" + address + "'");
            }
            String host = rest.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new Udp(host, Integer.parseInt(rest.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("udp port is not a number in '" + address + "'");
            }
        }
        throw new IllegalArgumentException("unsupported address '" + address
                + "': use -, udp://host:port or srt://host:port?options");
    }
}
