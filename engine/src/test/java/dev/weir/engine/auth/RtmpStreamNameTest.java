package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RtmpStreamNameTest {

    @Test
    void ffmpegAndObsPutTheTokenAfterTheName() {
        // ffmpeg rtmp://host/live/stream1?token=secret123 -> app "live", name "stream1?token=secret123"
        RtmpStreamName n = RtmpStreamName.parse("live", "stream1?token=secret123");
        assertEquals("live/stream1", n.streamKey());
        assertEquals("secret123", n.token());
    }

    @Test
    void aQueryOnTheAppCountsTooButTheNameWins() {
        RtmpStreamName n = RtmpStreamName.parse("live?token=fromapp&x=1", "s?token=fromname");
        assertEquals("live/s", n.streamKey());
        assertEquals("fromname", n.token());
        assertEquals(Map.of("token", "fromname", "x", "1"), n.query());
        assertEquals("fromapp", RtmpStreamName.parse("live?token=fromapp", "s").token());
    }

    @Test
    void percentEscapesAreDecodedPlusIsKept() {
        assertEquals("a+b/c=", RtmpStreamName.parse("live", "s?token=a+b%2Fc%3D").token());
        assertEquals("é", RtmpStreamName.parse("live", "s?token=%C3%A9").token());
        assertEquals("%zz%4", RtmpStreamName.parse("live", "s?token=%zz%4").token());
    }

    @Test
    void noTokenAndEmptyTokenAreAbsent() {
        assertNull(RtmpStreamName.parse("live", "s").token());
        assertNull(RtmpStreamName.parse("live", "s?token=").token());
        assertNull(RtmpStreamName.parse("live", "s?other=1").token());
    }

    @Test
    void slashesAreTrimmed() {
        assertEquals("live/s", RtmpStreamName.parse("/live/", "/s").streamKey());
        assertEquals("app/inst/s", RtmpStreamName.parse("app/inst", "s").streamKey());
        assertEquals("s", RtmpStreamName.parse("", "s").streamKey());
    }

    @Test
    void textFormHidesTheQueryValues() {
        assertFalse(RtmpStreamName.parse("live", "s?token=hunter2").toString().contains("hunter2"));
    }
}
