package dev.weir.engine.hub;

import dev.weir.engine.hub.MediaMessage.Kind;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The caller's view of a received stream's tracks, from real sequence headers (golden/README.md). */
class TrackProbeTest {

    @Test
    void namesAvcAndAacFromTheirSequenceHeadersAndIgnoresFrames() {
        TrackProbe probe = new TrackProbe();
        assertEquals(VideoInfo.NONE, probe.video());
        probe.accept(new MediaMessage(Kind.VIDEO, 0, bytes("flv/h264_high_640x360.keyframe-first64.bin")));
        assertEquals(VideoInfo.NONE, probe.video(), "a key frame says nothing of the codec's configuration");
        probe.accept(new MediaMessage(Kind.VIDEO, 0, bytes("flv/h264_high_640x360.video-sequence-header.bin")));
        probe.accept(new MediaMessage(Kind.AUDIO, 0, bytes("flv/h264_high_640x360.audio-sequence-header.bin")));
        assertEquals(new VideoInfo("H264", "High", "3.0", 640, 360, 25.0), probe.video());
        assertEquals(new AudioInfo("AAC", "LC", 44100, 1), probe.audio());
    }

    @Test
    void namesHevcFromAnEnhancedRtmpFourCcAndMp3FromItsFirstFrame() {
        TrackProbe probe = new TrackProbe();
        probe.accept(new MediaMessage(Kind.VIDEO, 0, of(0x90, "hvc1", bytes("hevc/main_640x360.hvcC"))));
        probe.accept(new MediaMessage(Kind.AUDIO, 0, of(0x2F, 0xFF, 0xFB, 0x90)));
        assertEquals("H265", probe.video().codec());
        assertEquals(640, probe.video().width());
        assertEquals(new AudioInfo("MP3", null, 44100, 2), probe.audio());
    }

    @Test
    void takesSizeFromMetadataUntilAHeaderSaysMore() {
        TrackProbe probe = new TrackProbe();
        probe.accept(new MediaMessage(Kind.DATA, 0, bytes("flv/h264_high_640x360.onMetaData.bin")));
        assertEquals(new VideoInfo("H264", null, null, 640, 360, 25.0), probe.video());
    }
}
