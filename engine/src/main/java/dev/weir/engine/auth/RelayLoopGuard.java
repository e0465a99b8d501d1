package dev.weir.engine.auth;

import dev.weir.engine.stats.Protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps relays from going round in circles. Each engine has a random instance id; every relay publish carries the
 * {@link RelayPath} of instances its stream came through, this one added last. Three rules:
 *
 * <ol>
 *   <li><b>Own listener, same rule</b> ({@link #pointsBackHere}): a relay whose destination is one of this engine's
 *       own listeners, for a stream key that the same destination rule would relay again, is never started: it
 *       would feed itself (the same key: refused as busy forever; {@code rtmp://self/app/sub/}: a new key each
 *       round). Checked when the relay would start, against the listeners running then.</li>
 *   <li><b>Back through here</b> ({@link #refusal}): a publish whose path contains this instance, other than as
 *       its last hop, came back after passing through another server (A → B → A) and is refused. A path that
 *       ends with this instance is this engine relaying to itself under another key (live/src → live/copy),
 *       which is allowed.</li>
 *   <li><b>Too many hops</b>: a path longer than {@value #MAX_HOPS} is refused, whatever made it (chains through
 *       servers that do not pass the path on cannot be seen; this bounds the rest).</li>
 * </ol>
 * A refusal is {@link DenyReason#RELAY_LOOP}: RTMP {@code NetStream.Publish.Rejected}, SRT 1508, counted and
 * logged like every refusal. Thread-safe.
 */
public final class RelayLoopGuard {
    public static final int MAX_HOPS = 8;

    private record Bound(Protocol protocol, InetSocketAddress address) {}

    private final String instanceId;
    private final Map<String, RelayPath> incoming = new ConcurrentHashMap<>();
    private final Set<Bound> listeners = ConcurrentHashMap.newKeySet();

    /** A guard with a fresh random instance id (48 bits: enough that two servers of one chain never share one). */
    public RelayLoopGuard() {
        this(randomId());
    }

    public RelayLoopGuard(String instanceId) {
        if (RelayPath.parse(instanceId).hops() != 1) throw new IllegalArgumentException("instance id must be lower-case hex: " + instanceId);
        this.instanceId = instanceId;
    }

    private static String randomId() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Why a publish that came through {@code path} is refused; {@code null} when it may go on. */
    public String refusal(RelayPath path) {
        if (path.hops() > MAX_HOPS) {
            return "relay chain too long: " + path.hops() + " relays, the limit is " + MAX_HOPS;
        }
        int first = path.instances().indexOf(instanceId);
        if (first >= 0) {
            for (String later : path.instances().subList(first + 1, path.hops())) {
                if (!later.equals(instanceId)) {
                    return "relay loop: this stream already passed through this server (" + instanceId + ") and came back through " + later;
                }
            }
        }
        return null;
    }

    /** A publish of {@code streamKey} was admitted with {@code path}: its relays pass the path on. */
    public void admitted(String streamKey, RelayPath path) {
        if (path.hops() == 0) incoming.remove(streamKey); else incoming.put(streamKey, path);
    }

    /** The path a relay of {@code streamKey} sends: how the stream got here, then this instance. */
    public RelayPath outgoing(String streamKey) {
        return incoming.getOrDefault(streamKey, RelayPath.NONE).then(instanceId);
    }

    /** A listener of this engine runs on {@code bound}. */
    public void listening(Protocol protocol, InetSocketAddress bound) {
        listeners.add(new Bound(protocol, bound));
    }

    public void stopped(Protocol protocol, InetSocketAddress bound) {
        listeners.remove(new Bound(protocol, bound));
    }

    /**
     * Whether {@code host:port} over {@code protocol} reaches one of this engine's running listeners. Resolves
     * {@code host} (may block on DNS: call it where that is fine, as the relay watcher does); an unknown host is
     * not ours.
     */
    public boolean pointsBackHere(Protocol protocol, String host, int port) {
        InetAddress[] addresses = null;
        for (Bound b : listeners) {
            if (b.protocol() != protocol || b.address().getPort() != port) continue;
            if (addresses == null) {
                try {
                    addresses = InetAddress.getAllByName(host);
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            InetAddress bound = b.address().getAddress();
            for (InetAddress a : addresses) {
                if (bound.isAnyLocalAddress() ? isLocal(a) : bound.equals(a)) return true;
            }
        }
        return false;
    }

    private static boolean isLocal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress()) return true;
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
