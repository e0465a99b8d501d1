package dev.weir.engine.srt.server;

import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.config.Limits;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What the SRT listener answers at the handshake, by stream id and by what the hub holds. */
class SrtStreamAccessTest {
    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS);
    private final TsFeeds feeds = new TsFeeds();
    private final SrtStreamAccess access = new SrtStreamAccess(hub, feeds);

    private AcceptDecision decide(String streamId) {
        return access.decide(new ConnectionRequest(new InetSocketAddress("127.0.0.1", 5000), streamId, 5, 0x10501, false));
    }

    private static int code(AcceptDecision d) {
        return assertInstanceOf(AcceptDecision.Reject.class, d).code().value();
    }

    @Test
    void publishFormsAreAcceptedOnAFreeKey() {
        assertInstanceOf(AcceptDecision.Accept.class, decide("publish:live/test"));
        assertInstanceOf(AcceptDecision.Accept.class, decide("publish:/live/test"));
        assertInstanceOf(AcceptDecision.Accept.class, decide("#!::r=live/test,m=publish"));
    }

    @Test
    void publishOnAKeyInUseIsRefusedWithConflict() throws Exception {
        try (Publication p = hub.publish(new StreamKey("live", "test"), new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:1"))) {
            assertEquals(1409, code(decide("publish:live/test")));
            assertEquals(1409, code(decide("#!::r=live/test,m=publish")));
            assertInstanceOf(AcceptDecision.Accept.class, decide("publish:live/other"));
        }
        // an SRT publisher holding the feed but not yet in the hub counts too
        feeds.open(new StreamKey("live", "srt"));
        assertEquals(1409, code(decide("publish:live/srt")));
    }

    @Test
    void playNeedsAPublisherElseNotFound() throws Exception {
        assertEquals(1404, code(decide("live/test")));
        assertEquals(1404, code(decide("#!::r=live/test,m=request")));
        assertEquals(1404, code(decide("")), "empty means live/default, which nobody publishes");
        try (Publication p = hub.publish(new StreamKey("live", "test"), new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:1"))) {
            assertInstanceOf(AcceptDecision.Accept.class, decide("live/test"));
            assertInstanceOf(AcceptDecision.Accept.class, decide("request:live/test"));
            assertInstanceOf(AcceptDecision.Accept.class, decide("#!::r=live/test"));
            assertInstanceOf(AcceptDecision.Accept.class, decide("/live/test?token=x"));
        }
        assertEquals(1404, code(decide("live/test")), "after the publisher left");
        assertEquals(4, access.rejected());
    }

    @Test
    void streamIdsWeirCannotServeGetTheirAccessControlCodes() {
        assertEquals(1405, code(decide("#!::r=live/test,m=bidirectional")));
        assertEquals(1415, code(decide("#!::r=live/test,m=publish,t=file")));
        assertEquals(1400, code(decide("#!:{r=live/test}")));
        assertEquals(1400, code(decide("publish:justaname")), "a key must be app/name");
    }
}
