package dev.weir.engine;

import java.net.InetSocketAddress;

/**
 * Makes listeners of one protocol: the seam through which protocol modules (RTMP, later RTMPS and SRT) plug into
 * the {@link WeirEngine} without it knowing their classes. Typically a constructor reference, e.g.
 * {@code RtmpListener::new}.
 */
@FunctionalInterface
public interface ListenerFactory {

    /**
     * A new, not yet started listener.
     *
     * @param address where to bind, already parsed and checked to be on this machine; port 0 means any free port
     * @param context the hub, connection registry, configuration and clock the listener's sessions use
     */
    Listener create(InetSocketAddress address, ListenerContext context);
}
