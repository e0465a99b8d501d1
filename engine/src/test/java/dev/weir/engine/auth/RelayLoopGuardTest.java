package dev.weir.engine.auth;

import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.*;

class RelayLoopGuardTest {
    private final RelayLoopGuard a = new RelayLoopGuard("aa");

    @Test
    void aStreamThatCameBackThroughAnotherServerIsRefused() {
        assertNull(a.refusal(RelayPath.NONE), "a publisher that is no relay");
        assertNull(a.refusal(RelayPath.parse("bb")), "relayed from B");
        assertNull(a.refusal(RelayPath.parse("aa")), "this server relaying to itself under another key");
        assertNull(a.refusal(RelayPath.parse("bb.aa")), "from B, then copied here to another key");
        assertTrue(a.refusal(RelayPath.parse("aa.bb")).startsWith("relay loop"), "A → B → A");
        assertTrue(a.refusal(RelayPath.parse("aa.aa.bb.cc")).startsWith("relay loop"), "A → A → B → C → A");
        assertTrue(a.refusal(RelayPath.parse("cc.aa.bb")).contains("came back through bb"));
    }

    @Test
    void aChainLongerThanTheLimitIsRefused() {
        RelayPath p = RelayPath.NONE;
        for (int i = 0; i < RelayLoopGuard.MAX_HOPS; i++) p = p.then("c" + i);
        assertNull(a.refusal(p));
        assertEquals("relay chain too long: 9 relays, the limit is 8", a.refusal(p.then("cc")));
        RelayPath self = RelayPath.NONE;
        for (int i = 0; i <= RelayLoopGuard.MAX_HOPS; i++) self = self.then("aa");
        assertNotNull(a.refusal(self), "copies of copies on one server end at the limit too");
    }

    @Test
    void relaysPassOnHowTheirStreamArrived() {
        assertEquals(RelayPath.parse("aa"), a.outgoing("live/x"));
        a.admitted("live/x", RelayPath.parse("bb.cc"));
        assertEquals(RelayPath.parse("bb.cc.aa"), a.outgoing("live/x"));
        a.admitted("live/x", RelayPath.NONE);                   // the next publisher of the key is no relay
        assertEquals(RelayPath.parse("aa"), a.outgoing("live/x"));
    }

    @Test
    void ownListenersAreFoundByProtocolPortAndAddress() {
        a.listening(Protocol.RTMP, new InetSocketAddress("0.0.0.0", 1935));
        a.listening(Protocol.SRT, new InetSocketAddress("127.0.0.1", 10080));
        assertTrue(a.pointsBackHere(Protocol.RTMP, "127.0.0.1", 1935));
        assertTrue(a.pointsBackHere(Protocol.RTMP, "localhost", 1935));
        assertFalse(a.pointsBackHere(Protocol.RTMPS, "127.0.0.1", 1935), "another protocol");
        assertFalse(a.pointsBackHere(Protocol.RTMP, "127.0.0.1", 1936), "another port");
        assertFalse(a.pointsBackHere(Protocol.RTMP, "192.0.2.1", 1935), "another machine (TEST-NET-1)");
        assertTrue(a.pointsBackHere(Protocol.SRT, "127.0.0.1", 10080));
        assertFalse(a.pointsBackHere(Protocol.SRT, "127.0.0.2", 10080), "bound to 127.0.0.1 only");
        a.stopped(Protocol.RTMP, new InetSocketAddress("0.0.0.0", 1935));
        assertFalse(a.pointsBackHere(Protocol.RTMP, "127.0.0.1", 1935));
    }

    @Test
    void instanceIdsAreRandomHex() {
        String id = new RelayLoopGuard().instanceId();
        assertTrue(id.matches("[0-9a-f]{12}"), id);
        assertNotEquals(id, new RelayLoopGuard().instanceId());
        assertThrows(IllegalArgumentException.class, () -> new RelayLoopGuard("A.B"));
    }
}
