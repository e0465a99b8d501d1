package dev.weir.engine.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A relay path comes from peers (the RTMP {@code connect} property {@code weirRelay}, the SRT stream id's
 * {@code weir_relay}). Reading it never fails; what it reads writes back to the same text; and the loop guard
 * gives every path an answer.
 */
class RelayPathFuzzTest {
    private static final RelayLoopGuard GUARD = new RelayLoopGuard("aa");

    @FuzzTest(maxDuration = "20s")
    void relayPathsReadBackOrAreNoPath(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (RelayPath p : new RelayPath[] {RelayPath.parse(text), RelayPath.fromSrtStreamId(text)}) {
            assertNotNull(p);
            if (p.hops() > 0) {
                assertEquals(p, RelayPath.parse(p.wire()));
                assertTrue(p.wire().length() <= RelayPath.MAX_WIRE_LENGTH);
            }
            String why = GUARD.refusal(p);
            assertTrue(why == null || why.startsWith("relay"), why);
        }
    }
}
