package dev.weir.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Operator-readable reasons a listener cannot bind: what is wrong and what to change. Shared by every listener
 * so the console says the same thing for RTMP and SRT.
 */
public final class BindErrors {
    private BindErrors() {}

    /**
     * Checks {@code address} can be bound on this machine before trying: it must be resolved and, unless it is the
     * wildcard or loopback, belong to one of this machine's interfaces.
     */
    public static void checkLocal(InetSocketAddress address) throws ListenerException {
        if (address.isUnresolved()) {
            throw new ListenerException("host '" + address.getHostString() + "' could not be resolved; use an IP address of this machine");
        }
        InetAddress ip = address.getAddress();
        if (ip.isAnyLocalAddress() || ip.isLoopbackAddress()) return;
        boolean local;
        try {
            local = NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            local = true; // cannot tell: let the bind itself decide
        }
        if (!local) throw notOnThisMachine(address);
    }

    /** Translates a failed bind of {@code address} into what an operator can act on. */
    public static ListenerException bindFailed(InetSocketAddress address, IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        int port = address.getPort();
        if (m.contains("already in use")) {
            return new ListenerException("port " + port + " is already in use; stop the other program or choose another port", e);
        }
        if (m.contains("cannot assign requested address") || m.contains("can't assign requested address")) {
            return notOnThisMachine(address);
        }
        if (m.contains("permission denied") || m.contains("access denied")) {
            return new ListenerException("port " + port + " needs administrator rights (ports below 1024 are privileged); choose a port above 1023", e);
        }
        String kind = e instanceof BindException ? "cannot bind " : "cannot listen on ";
        return new ListenerException(kind + describe(address) + ": " + e.getMessage(), e);
    }

    private static ListenerException notOnThisMachine(InetSocketAddress address) {
        return new ListenerException("address " + address.getAddress().getHostAddress()
                + " is not on this machine; use one of its addresses, or 0.0.0.0 for all");
    }

    /** {@code host:port} as operators write it: {@code 0.0.0.0:1935}, {@code [::1]:1935}. */
    public static String describe(InetSocketAddress address) {
        String host = address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
