package dev.weir.engine.probe;

import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The caller's checks and wording that need no peer. */
class TestCallerTest {

    @Test
    void receivingOverRtmpNeedsAStreamName() {
        assertTrue(TestCaller.namesAStream("rtmp://h/live/cam"));
        assertTrue(TestCaller.namesAStream("rtmps://h:443/live/cam?token=x"));
        assertTrue(TestCaller.namesAStream("rtmp://h/live/sub/cam"));
        assertFalse(TestCaller.namesAStream("rtmp://h/live"));
        assertFalse(TestCaller.namesAStream("rtmp://h/live/"));
        assertFalse(TestCaller.namesAStream("rtmp://h"));
        assertFalse(TestCaller.namesAStream("rtmp://h?x=/a/b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestCaller.check("rtmp://h/live?token=secret", TestCaller.Action.RECEIVE, null));
        assertEquals("to receive over RTMP the URL must name the stream: rtmp://host/app/name", e.getMessage());
        TestCaller.check("rtmp://h/live", TestCaller.Action.CONNECT, null);
    }

    @Test
    void codecsAreNamedWithWhatTheHeadersSay() {
        assertEquals("H264 High 640x360, AAC LC 44100 Hz stereo", TestCaller.describe(
                new VideoInfo("H264", "High", "3.0", 640, 360, 25), new AudioInfo("AAC", "LC", 44100, 2)));
        assertEquals("H265", TestCaller.describe(new VideoInfo("H265", null, null, 0, 0, 0), AudioInfo.NONE));
        assertEquals("MP3 48000 Hz mono", TestCaller.describe(VideoInfo.NONE, new AudioInfo("MP3", null, 48000, 1)));
        assertNull(TestCaller.describe(VideoInfo.NONE, AudioInfo.NONE));
    }
}
