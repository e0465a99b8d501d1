package dev.weir.engine.auth;

import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessControlTest {

    private static AccessRequest req(AccessAction a, String key, String token) {
        return new AccessRequest(a, Protocol.RTMP, key, token, "127.0.0.1:1", "rtmp-1");
    }

    @Test
    void countsByActionAndReasonAndTellsTheListener() throws Exception {
        List<String> heard = new ArrayList<>();
        try (AccessControl ac = new AccessControl(new StaticTokenPolicy(TokenTable.of(Map.of("live/a", "t"))),
                (r, no) -> heard.add(r.streamKey() + ":" + no.reason()))) {
            assertTrue(ac.check(req(AccessAction.PUBLISH, "live/a", "t")).join().allowed());
            ac.check(req(AccessAction.PUBLISH, "live/a", "x")).join();
            ac.check(req(AccessAction.PUBLISH, "live/a", null)).join();
            ac.check(req(AccessAction.PLAY, "live/b", "t")).join();
            ac.recordRejection(req(AccessAction.PLAY, "live/default", null),
                    new AccessDecision.Denied(DenyReason.BAD_MODE, "m=bidirectional"));

            assertEquals(1, ac.allowedCount(AccessAction.PUBLISH));
            assertEquals(0, ac.allowedCount(AccessAction.PLAY));
            assertEquals(1, ac.rejectedCount(AccessAction.PUBLISH, DenyReason.TOKEN_INVALID));
            assertEquals(1, ac.rejectedCount(AccessAction.PUBLISH, DenyReason.TOKEN_MISSING));
            assertEquals(1, ac.rejectedCount(AccessAction.PLAY, DenyReason.STREAM_NOT_ALLOWED));
            assertEquals(1, ac.rejectedCount(AccessAction.PLAY, DenyReason.BAD_MODE));
            assertEquals(List.of("live/a:TOKEN_INVALID", "live/a:TOKEN_MISSING", "live/b:STREAM_NOT_ALLOWED",
                    "live/default:BAD_MODE"), heard);
        }
    }

    @Test
    void requestTextNeverShowsTheToken() {
        String text = req(AccessAction.PUBLISH, "live/a", "hunter2-secret").toString();
        assertTrue(text.contains("token given") && !text.contains("hunter2"), text);
    }
}
