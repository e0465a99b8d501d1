package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Codes checked against libsrt srtcore/access_control.h and the seed server's onStatus codes. */
class DenyReasonTest {

    @Test
    void srtCodesAreLibsrtsRejx() {
        assertEquals(1400, DenyReason.SRT_REJX_BAD_REQUEST);
        assertEquals(1401, DenyReason.SRT_REJX_UNAUTHORIZED);
        assertEquals(1403, DenyReason.SRT_REJX_FORBIDDEN);
        assertEquals(1404, DenyReason.SRT_REJX_NOTFOUND);
        assertEquals(1405, DenyReason.SRT_REJX_BAD_MODE);
        assertEquals(1409, DenyReason.SRT_REJX_CONFLICT);
        assertEquals(1415, DenyReason.SRT_REJX_NOTSUP_MEDIA);
        assertEquals(1500, DenyReason.SRT_REJX_ISE);
        assertEquals(1401, DenyReason.TOKEN_MISSING.srtRejectCode());
        assertEquals(1401, DenyReason.TOKEN_INVALID.srtRejectCode());
        assertEquals(1403, DenyReason.STREAM_NOT_ALLOWED.srtRejectCode());
        assertEquals(1403, DenyReason.CALLBACK_REJECTED.srtRejectCode());
        assertEquals(1500, DenyReason.CALLBACK_UNAVAILABLE.srtRejectCode());
    }

    @Test
    void rtmpCodesMatchTheSeed() {
        assertEquals("NetStream.Publish.Unauthorized", DenyReason.TOKEN_INVALID.rtmpStatusCode(AccessAction.PUBLISH));
        assertEquals("NetStream.Play.Unauthorized", DenyReason.CALLBACK_REJECTED.rtmpStatusCode(AccessAction.PLAY));
        assertEquals("NetStream.Publish.BadName", DenyReason.BAD_REQUEST.rtmpStatusCode(AccessAction.PUBLISH));
        assertEquals("NetStream.Play.Failed", DenyReason.BAD_REQUEST.rtmpStatusCode(AccessAction.PLAY));
        assertEquals("token_missing", DenyReason.TOKEN_MISSING.label());
    }

    @Test
    void aRelayLoopIsRejectedPublishAnd1508() {
        assertEquals("NetStream.Publish.Rejected", DenyReason.RELAY_LOOP.rtmpStatusCode(AccessAction.PUBLISH));
        assertEquals(1508, DenyReason.RELAY_LOOP.srtRejectCode(), "1000 + HTTP 508 Loop Detected");
        assertEquals(DenyReason.SRT_REJX_LOOP, DenyReason.RELAY_LOOP.srtRejectCode());
        assertEquals("relay_loop", DenyReason.RELAY_LOOP.label());
    }
}
