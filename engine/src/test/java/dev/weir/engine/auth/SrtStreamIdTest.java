package dev.weir.engine.auth;

import dev.weir.engine.auth.SrtStreamId.InvalidStreamIdException;
import dev.weir.engine.auth.SrtStreamId.Mode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SrtStreamIdTest {

    @Test
    void seedSyntax() throws Exception {
        SrtStreamId id = SrtStreamId.parse("publish:live/test");
        assertEquals(Mode.PUBLISH, id.mode());
        assertEquals(AccessAction.PUBLISH, id.action());
        assertEquals("live/test", id.resource());
        assertNull(id.token());

        assertEquals(Mode.REQUEST, SrtStreamId.parse("request:live/test").mode());
        assertEquals(Mode.REQUEST, SrtStreamId.parse("play:live/test").mode());
        assertEquals(AccessAction.PLAY, SrtStreamId.parse("play:live/test").action());
    }

    @Test
    void tokenInTheResourceQuery() throws Exception {
        SrtStreamId id = SrtStreamId.parse("publish:live/test?token=abc");
        assertEquals("live/test", id.resource());
        assertEquals("abc", id.token());
        assertEquals("abc", SrtStreamId.parse("#!::r=live/test?token=abc,m=publish").token());
    }

    @Test
    void accessControlSyntax() throws Exception {
        // Example from Haivision's access-control.md, plus a session id.
        SrtStreamId id = SrtStreamId.parse("#!::u=admin,r=bluesbrothers1_hi,s=sess-1,h=example.com,x_custom=1");
        assertEquals(Mode.REQUEST, id.mode());
        assertEquals("bluesbrothers1_hi", id.resource());
        assertEquals("admin", id.user());
        assertEquals("example.com", id.host());
        assertEquals("sess-1", id.token());
        assertEquals("1", id.keys().get("x_custom"));

        SrtStreamId pub = SrtStreamId.parse("#!::r=live/test,m=publish,t=stream");
        assertEquals(Mode.PUBLISH, pub.mode());
        assertEquals("live/test", pub.resource());
    }

    @Test
    void bareResourceMeansRequestAndEmptyIsTheSeedDefault() throws Exception {
        SrtStreamId id = SrtStreamId.parse("live/test");
        assertEquals(Mode.REQUEST, id.mode());
        assertEquals("live/test", id.resource());
        assertEquals("live/default", SrtStreamId.parse("").resource());
        assertEquals("live/default", SrtStreamId.parse(null).resource());
        assertEquals("live/x", SrtStreamId.parse("/live/x/").resource());
        // A colon that is not a known mode prefix is part of the resource.
        assertEquals("cam:1", SrtStreamId.parse("cam:1").resource());
    }

    @Test
    void refusalsCarryTheSrtReason() {
        assertReason(DenyReason.BAD_MODE, 1405, "#!::r=a,m=bidirectional");
        assertReason(DenyReason.BAD_MODE, 1405, "#!::r=a,m=sideways");
        assertReason(DenyReason.UNSUPPORTED_TYPE, 1415, "#!::r=a,m=publish,t=abc");
        assertReason(DenyReason.UNSUPPORTED_TYPE, 1415, "#!::r=a,t=file");
        assertReason(DenyReason.BAD_REQUEST, 1400, "#!:{r=a}");
        assertReason(DenyReason.BAD_REQUEST, 1400, "#!r=a");
        assertReason(DenyReason.BAD_REQUEST, 1400, "#!::r=a,,m=publish");
        assertReason(DenyReason.BAD_REQUEST, 1400, "#!::r=a,r=b");
        assertReason(DenyReason.BAD_REQUEST, 1400, "x".repeat(513));
    }

    @Test
    void typeErrorExplainsThatTIsNotAToken() {
        InvalidStreamIdException e = assertThrows(InvalidStreamIdException.class,
                () -> SrtStreamId.parse("#!::r=live/test,m=publish,t=abc"));
        assertEquals("type t=abc is not served; only t=stream (t is the type, not a token: pass a token as "
                + "s=TOKEN or r=KEY?token=TOKEN)", e.getMessage());
    }

    @Test
    void textFormHidesTheToken() throws Exception {
        assertFalse(SrtStreamId.parse("#!::r=a,s=hunter2").toString().contains("hunter2"));
    }

    private static void assertReason(DenyReason reason, int srtCode, String streamId) {
        InvalidStreamIdException e = assertThrows(InvalidStreamIdException.class, () -> SrtStreamId.parse(streamId));
        assertEquals(reason, e.reason(), streamId);
        assertEquals(srtCode, e.reason().srtRejectCode());
    }
}
