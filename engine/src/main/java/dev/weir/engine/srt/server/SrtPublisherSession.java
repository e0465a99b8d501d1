package dev.weir.engine.srt.server;

import dev.weir.engine.ListenerContext;
import dev.weir.engine.bridge.TsFeed;
import dev.weir.engine.bridge.TsIngest;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamBusyException;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * An SRT caller publishing MPEG-TS: each message goes to the stream's TS feed as received and, demuxed and
 * converted ({@link TsIngest}), to the hub as FLV-form messages, so RTMP players, SRT players and recordings all
 * see it. The TS feed is opened before the hub publication and closed after it, so a consumer never sees an SRT
 * publication without its feed.
 */
final class SrtPublisherSession implements SrtSession {
    private static final Logger log = LoggerFactory.getLogger(SrtPublisherSession.class);
    private static final long READ_TIMEOUT_MS = 1000;

    private final SrtConnection connection;
    private final StreamKey key;
    private final ConnectionCounters counters;
    private final ListenerContext context;
    private final String logContext;

    SrtPublisherSession(SrtConnection connection, StreamKey key, ConnectionCounters counters, ListenerContext context) {
        this.connection = connection;
        this.key = key;
        this.counters = counters;
        this.context = context;
        this.logContext = "srt " + counters.id() + " " + counters.remoteAddress() + " " + key;
    }

    @Override
    public void run() {
        counters.role(Role.PUBLISHER);
        counters.streamKey(key.toString());
        TsFeed feed = context.tsFeeds().open(key);
        if (feed == null) {
            log.warn("{}: closing: another SRT publisher has the key", logContext);
            return;
        }
        Publication publication;
        try {
            publication = context.hub().publish(key, new PeerInfo(counters.id(), Protocol.SRT, counters.remoteAddress()));
        } catch (StreamBusyException e) {
            context.tsFeeds().close(feed);
            log.warn("{}: closing: {} already has a publisher", logContext, key);
            return;
        }
        counters.state(State.PUBLISHING);
        log.info("{}: publishing (MPEG-TS, {})", logContext, connection.encrypted() ? "encrypted" : "clear");
        TsIngest ingest = new TsIngest(logContext, feed, publication::send);
        byte[] buffer = new byte[Math.max(connection.maxMessageSize(), 1500)];
        try {
            while (true) {
                int n;
                try {
                    n = connection.read(buffer, READ_TIMEOUT_MS);
                } catch (SocketTimeoutException e) {
                    if (!connection.isOpen()) break;
                    continue;
                }
                if (n < 0) break;
                counters.addBytesIn(n);
                ingest.payload(buffer, n);
            }
        } catch (IOException e) {
            log.info("{}: publisher left: {}", logContext, e.getMessage());
        } finally {
            ingest.end();
            publication.close();
            context.tsFeeds().close(feed);
            counters.state(State.CLOSED);
            var c = ingest.counters();
            log.info("{}: stopped publishing ({} TS packets, {} continuity errors, connection {})", logContext,
                    c.packets(), c.continuityErrors(), connection.state());
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
