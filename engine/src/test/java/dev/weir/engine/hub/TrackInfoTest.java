package dev.weir.engine.hub;

import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.*;

/** What stats say about tracks, from real sequence headers and metadata (golden/README.md). */
class TrackInfoTest {

    @Test
    void avcAndAacFromFfmpegSequenceHeaders() {
        TrackInfo t = new TrackInfo();
        t.onVideoSequenceHeader(bytes("flv/h264_high_640x360.video-sequence-header.bin"));
        t.onAudioSequenceHeader(bytes("flv/h264_high_640x360.audio-sequence-header.bin"));
        assertEquals(new VideoInfo("H264", "High", "3.0", 640, 360, 25.0), t.video(0), "declared fps before measuring");
        assertEquals(24.5, t.video(24.5).fps(), "measured fps wins");
        assertEquals(new AudioInfo("AAC", "LC", 44100, 1), t.audio());
    }

    @Test
    void hevcFromAnEnhancedRtmpSequenceStart() {
        // 0x90 = IsExHeader | key frame | SequenceStart, FourCC hvc1, then x265's hvcC
        TrackInfo t = new TrackInfo();
        t.onVideoSequenceHeader(of(0x90, "hvc1", bytes("hevc/main_640x360.hvcC")));
        VideoInfo v = t.video(0);
        assertEquals("H265", v.codec());
        assertEquals("Main", v.profile());
        assertEquals("2.1", v.level());
        assertEquals(640, v.width());
        assertEquals(360, v.height());
    }

    @Test
    void hevcFromTheLegacyCodecId12() {
        // 0x1C = key frame | codec 12, AVCPacketType 0, composition time 0, then hvcC
        TrackInfo t = new TrackInfo();
        t.onVideoSequenceHeader(of(0x1C, 0x00, 0, 0, 0, bytes("hevc/main10_1280x720.hvcC")));
        assertEquals(new VideoInfo("H265", "Main 10", "4.0", 1280, 720, 0), t.video(0));
    }

    @Test
    void metadataFillsWhatHeadersDoNotSay() {
        TrackInfo t = new TrackInfo();
        t.onMetadata(bytes("flv/h264_high_640x360.onMetaData.bin"));
        assertEquals(new VideoInfo("H264", null, null, 640, 360, 25.0), t.video(0), "videocodecid 7, width, height, framerate");
        assertEquals(new AudioInfo("AAC", null, 44100, 1), t.audio(), "audiocodecid 10, audiosamplerate, stereo false");
        // an AV1 sequence start names the codec; size still from metadata
        t.onVideoSequenceHeader(of(0x90, "av01", 0x81, 0x00, 0x0C, 0x00));
        assertEquals(new VideoInfo("AV1", null, null, 640, 360, 25.0), t.video(0));
    }

    @Test
    void codecsWithoutSequenceHeaderAreNamedByTheirFirstFrame() {
        TrackInfo t = new TrackInfo();
        t.onAudioFrame(of(0x2F, 0xFF, 0xFB, 0x90)); // MP3, 44 kHz, 16 bit, stereo
        assertEquals(new AudioInfo("MP3", null, 44100, 2), t.audio());
        t.onAudioFrame(of(0xB2, 0x00));              // a later Speex frame does not rename the track
        assertEquals("MP3", t.audio().codec());
    }

    @Test
    void brokenHeadersStillNameTheCodecAndClearForgetsEverything() {
        TrackInfo t = new TrackInfo();
        t.onVideoSequenceHeader(of(0x17, 0x00, 0, 0, 0, 0x01, 0x64)); // avcC cut short
        assertEquals(new VideoInfo("H264", null, null, 0, 0, 0), t.video(0));
        t.onAudioSequenceHeader(of(0xAF, 0x00, 0x00));              // AAC with object type 0
        assertEquals(new AudioInfo("AAC", null, 0, 0), t.audio());
        t.onVideoSequenceHeader(of(0x17));                          // not even a tag
        assertEquals(VideoInfo.NONE, t.video(0));
        t.clear();
        assertEquals(AudioInfo.NONE, t.audio());
    }
}
