package dev.weir.engine.srt.server;

import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.auth.SrtStreamId;
import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.srt.handshake.RejectCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides at the SRT handshake whether a caller may publish or play, from its stream id
 * ({@link SrtStreamId}: {@code publish:live/test}, {@code #!::r=live/test,m=publish}; anything else plays):
 *
 * <ul>
 *   <li>a publish on a key that already has a publisher (over either protocol) is refused with 1409
 *       SRT_REJX_CONFLICT;</li>
 *   <li>a play of a key nobody publishes is refused with 1404 SRT_REJX_NOTFOUND, so the caller hears why instead
 *       of sitting on an empty connection;</li>
 *   <li>a stream id Weir cannot understand is refused with its {@link DenyReason}'s code (1400, 1405, 1415).</li>
 * </ul>
 * Runs on the multiplexer's receive thread: only looks up the hub, never blocks. Two publishers racing for one
 * key can both pass here; the hub then refuses the second and its session closes.
 */
final class SrtStreamAccess implements AcceptPolicy {
    private static final Logger log = LoggerFactory.getLogger(SrtStreamAccess.class);

    private final StreamHub hub;
    private final TsFeeds feeds;
    private final AtomicLong rejected = new AtomicLong();

    SrtStreamAccess(StreamHub hub, TsFeeds feeds) {
        this.hub = hub;
        this.feeds = feeds;
    }

    @Override
    public AcceptDecision decide(ConnectionRequest request) {
        SrtStreamId id;
        StreamKey key;
        try {
            id = SrtStreamId.parse(request.streamId());
            key = StreamKey.parse(id.resource());
        } catch (SrtStreamId.InvalidStreamIdException e) {
            return reject(request, e.reason().srtRejectCode(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return reject(request, DenyReason.SRT_REJX_BAD_REQUEST, "stream key: " + e.getMessage());
        }
        if (id.mode() == SrtStreamId.Mode.PUBLISH) {
            if (hub.isPublished(key) || feeds.current(key) != null) {
                return reject(request, DenyReason.SRT_REJX_CONFLICT, key + " already has a publisher");
            }
        } else if (!hub.isPublished(key)) {
            return reject(request, DenyReason.SRT_REJX_NOTFOUND, "nobody publishes " + key);
        }
        return AcceptDecision.accept();
    }

    private AcceptDecision reject(ConnectionRequest request, int code, String why) {
        rejected.incrementAndGet();
        log.warn("srt {}: refused (reject code {}): {}", request.peer(), code, why);
        return AcceptDecision.reject(new RejectCode(code));
    }

    long rejected() {
        return rejected.get();
    }
}
