package dev.weir.engine.rtmp.client;

import java.util.Objects;

/**
 * Where an RTMP client connects, and which stream it publishes or plays there.
 *
 * @param host       server host
 * @param port       server port
 * @param tls        RTMPS
 * @param verifyTls  check the server's certificate and host name (off only for test servers)
 * @param app        the application, e.g. {@code live} (may carry a query)
 * @param streamName the name to publish or play, e.g. {@code test?token=x}; never logged with its query
 * @param tcUrl      {@code rtmp://host:port/app}, as clients send it in {@code connect}
 * @param relayPath  for a relay: the weir instances the stream came through, sent in {@code connect} as
 *                   {@code weirRelay} so the server can refuse loops ({@code RelayPath}); {@code null} for none
 */
public record RtmpTarget(String host, int port, boolean tls, boolean verifyTls, String app, String streamName,
                         String tcUrl, String relayPath) {
    public RtmpTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(streamName, "streamName");
    }

    /** A target with no relay path: every client but a relay. */
    public RtmpTarget(String host, int port, boolean tls, boolean verifyTls, String app, String streamName, String tcUrl) {
        this(host, port, tls, verifyTls, app, streamName, tcUrl, null);
    }

    public RtmpTarget withRelayPath(String path) {
        return new RtmpTarget(host, port, tls, verifyTls, app, streamName, tcUrl, path);
    }

    /** The stream name without its query (which may carry a token): safe to show and log. */
    public String shownStreamName() {
        int q = streamName.indexOf('?');
        return q < 0 ? streamName : streamName.substring(0, q);
    }

    @Override
    public String toString() {
        return (tls ? "rtmps://" : "rtmp://") + host + ":" + port + "/" + app + "/" + shownStreamName()
                + (streamName.indexOf('?') < 0 ? "" : "?***");
    }
}
