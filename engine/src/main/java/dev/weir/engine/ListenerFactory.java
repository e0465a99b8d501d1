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
     * @param id      the id the engine chose ({@code rtmp:0.0.0.0:1935})
     * @param address where to bind, already parsed and checked to be on this machine
     * @param context the hub, connection registry, configuration and clock the listener's sessions use
     */
    Listener create(String id, InetSocketAddress address, ListenerContext context);
}
