package dev.weir.engine.media.flv;

import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.*;

class FlvVideoTagTest {

    private static FlvVideoTag parse(byte[] body) throws FlvFormatException {
        FlvVideoTag tag = FlvVideoTag.parse(body);
        assertEquals(tag.role(), FlvVideoTag.roleOf(body), "roleOf agrees with parse");
        return tag;
    }

    private static void assertMalformed(byte[] body, String messagePart) {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> FlvVideoTag.parse(body));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertEquals(TagRole.MALFORMED, FlvVideoTag.roleOf(body));
    }

    @Test
    void ffmpegAvcSequenceHeader() throws Exception {
        FlvVideoTag tag = parse(bytes("flv/h264_high_640x360.video-sequence-header.bin"));
        assertEquals(new FlvVideoTag(VideoFrameType.KEY, VideoCodec.AVC, VideoPacketType.SEQUENCE_START,
                false, false, 0, 5), tag);
        assertEquals(TagRole.SEQUENCE_HEADER, tag.role());
        assertTrue(tag.isSequenceHeader());
    }

    @Test
    void ffmpegAvcKeyAndInterFrames() throws Exception {
        FlvVideoTag key = parse(bytes("flv/h264_high_640x360.keyframe-first64.bin"));
        assertEquals(TagRole.KEY_FRAME, key.role());
        assertEquals(VideoPacketType.CODED_FRAMES, key.packetType());
        assertEquals(80, key.compositionTime(), "x264 with B-frames: CTS 00 00 50");

        FlvVideoTag inter = parse(bytes("flv/h264_high_640x360.inter-frame.bin"));
        assertEquals(VideoFrameType.INTER, inter.frameType());
        assertEquals(TagRole.FRAME, inter.role());
        assertEquals(200, inter.compositionTime(), "CTS 00 00 c8");
    }

    @Test
    void legacyLayouts() throws Exception {
        // 0x27 inter AVC, 0x01 NALU, CTS ff ff f6 = -10 (signed 24-bit)
        assertEquals(-10, parse(of(0x27, 0x01, 0xFF, 0xFF, 0xF6, 0x00)).compositionTime());
        // 0x17 key AVC, 0x02 end of sequence
        assertEquals(TagRole.SEQUENCE_END, parse(of(0x17, 0x02, 0, 0, 0)).role());
        // 0x1C key + codec 12: the pre-Enhanced-RTMP HEVC extension, same header as AVC
        FlvVideoTag hevc = parse(of(0x1C, 0x00, 0, 0, 0, 0x01));
        assertEquals(VideoCodec.HEVC, hevc.codec());
        assertEquals(TagRole.SEQUENCE_HEADER, hevc.role());
        // 0x24 inter VP6: no packet type, payload at 1
        FlvVideoTag vp6 = parse(of(0x24, 0x00, 0x11));
        assertEquals(new FlvVideoTag(VideoFrameType.INTER, VideoCodec.VP6, VideoPacketType.CODED_FRAMES,
                false, false, 0, 1), vp6);
        // 0x12 key Sorenson H.263 is a key frame
        assertEquals(TagRole.KEY_FRAME, parse(of(0x12, 0x00)).role());
        // 0x57: frame type 5 (video info/command) with AVC, command 0 = start of seek
        FlvVideoTag command = parse(of(0x57, 0x00));
        assertEquals(VideoPacketType.COMMAND, command.packetType());
        assertEquals(TagRole.SIDE_DATA, command.role());
        // 0x47: generated key frame (server use) is not treated as an entry point
        assertEquals(TagRole.FRAME, parse(of(0x47, 0x01, 0, 0, 0)).role());
    }

    @Test
    void enhancedSequenceStartAndCodedFrames() throws Exception {
        // 0x90 = IsExHeader | frame type 1 (key) << 4 | PacketType 0 SequenceStart; FourCC hvc1; hvcC follows
        FlvVideoTag start = parse(of(0x90, "hvc1", 0x01, 0x01));
        assertEquals(new FlvVideoTag(VideoFrameType.KEY, VideoCodec.HEVC, VideoPacketType.SEQUENCE_START,
                true, false, 0, 5), start);
        assertEquals(TagRole.SEQUENCE_HEADER, start.role());

        // 0x91 key CodedFrames hvc1 with composition time 00 00 21 = 33
        FlvVideoTag coded = parse(of(0x91, "hvc1", 0x00, 0x00, 0x21, 0x00, 0x00, 0x00, 0x02));
        assertEquals(33, coded.compositionTime());
        assertEquals(8, coded.dataOffset());
        assertEquals(TagRole.KEY_FRAME, coded.role());

        // 0x93 key CodedFramesX av01: no composition time
        FlvVideoTag av1 = parse(of(0x93, "av01", 0x12, 0x00));
        assertEquals(VideoCodec.AV1, av1.codec());
        assertEquals(VideoPacketType.CODED_FRAMES_X, av1.packetType());
        assertEquals(5, av1.dataOffset());
        assertEquals(TagRole.KEY_FRAME, av1.role());

        // 0xA1 = frame type 2 (inter) CodedFrames vp09: VP9 has no composition time either
        FlvVideoTag vp9 = parse(of(0xA1, "vp09", 0x86));
        assertEquals(VideoCodec.VP9, vp9.codec());
        assertEquals(5, vp9.dataOffset());
        assertEquals(TagRole.FRAME, vp9.role());

        // 0x92 SequenceEnd avc1, 0x94 Metadata hvc1 (AMF colorInfo follows), 0x95 MPEG2TSSequenceStart av01
        assertEquals(TagRole.SEQUENCE_END, parse(of(0x92, "avc1")).role());
        assertEquals(TagRole.SIDE_DATA, parse(of(0x94, "hvc1", 0x02, 0x00, 0x09)).role());
        assertEquals(TagRole.SEQUENCE_HEADER, parse(of(0x95, "av01", 0x80)).role());
    }

    @Test
    void enhancedCommandFrameHasNoFourCc() throws Exception {
        // 0xD1 = IsExHeader | frame type 5 (command) << 4 | PacketType 1; then VideoCommand 0 (StartSeek)
        FlvVideoTag command = parse(of(0xD1, 0x00));
        assertEquals(VideoCodec.UNSPECIFIED, command.codec());
        assertEquals(VideoPacketType.COMMAND, command.packetType());
        assertEquals(1, command.dataOffset());
        assertEquals(TagRole.SIDE_DATA, command.role());
    }

    @Test
    void enhancedModExPrefixesAreSkipped() throws Exception {
        // 0x97 key + PacketType 7 ModEx; size-1 = 2 (3 bytes of data: aa bb cc); then 0x01 = ModExType 0
        // (TimestampOffsetNano) | PacketType 1 CodedFrames; FourCC avc1; CTS 00 00 00; NALUs
        FlvVideoTag tag = parse(of(0x97, 0x02, 0xAA, 0xBB, 0xCC, 0x01, "avc1", 0, 0, 0, 0x65));
        assertEquals(VideoPacketType.CODED_FRAMES, tag.packetType());
        assertEquals(VideoCodec.AVC, tag.codec());
        assertEquals(13, tag.dataOffset());
        assertEquals(TagRole.KEY_FRAME, tag.role());

        // size-1 = 0xff: a 16-bit size-1 follows (00 01 = 2 bytes), then 0x00 SequenceStart, hvc1
        FlvVideoTag wide = parse(of(0x97, 0xFF, 0x00, 0x01, 0x11, 0x22, 0x00, "hvc1"));
        assertEquals(TagRole.SEQUENCE_HEADER, wide.role());
        assertEquals(11, wide.dataOffset());
    }

    @Test
    void enhancedMultitrack() throws Exception {
        // 0x96 key Multitrack; 0x00 = OneTrack (0) << 4 | SequenceStart; FourCC av01; track id 0
        FlvVideoTag one = parse(of(0x96, 0x00, "av01", 0x00));
        assertTrue(one.multitrack());
        assertEquals(VideoCodec.AV1, one.codec());
        assertEquals(TagRole.SEQUENCE_HEADER, one.role());
        assertEquals(6, one.dataOffset(), "per-track headers start after the FourCC");

        // 0x21 = ManyTracksManyCodecs (2) << 4 | CodedFrames: each track names its own FourCC
        FlvVideoTag many = parse(of(0x96, 0x21, "hvc1", 0x00));
        assertEquals(VideoCodec.UNSPECIFIED, many.codec());
        assertEquals(TagRole.KEY_FRAME, many.role());
        assertEquals(2, many.dataOffset());
    }

    @Test
    void malformedBodiesSayWhatIsWrong() {
        assertMalformed(new byte[0], "empty");
        assertMalformed(of(0x07, 0x01, 0, 0, 0), "frame type 0");
        assertMalformed(of(0x18, 0x01), "codec id 8");
        assertMalformed(of(0x17, 0x01, 0x00), "shorter than its 5-byte header");
        assertMalformed(of(0x17, 0x03, 0, 0, 0), "packet type 3");
        assertMalformed(of(0x57), "no command byte");
        assertMalformed(of(0x80, "avc1"), "frame type 0");
        assertMalformed(of(0x98, "avc1"), "packet type 8");
        assertMalformed(of(0x90, "avc"), "before its FourCC");
        assertMalformed(of(0x90, "xyz1"), "unknown FourCC 'xyz1'");
        assertMalformed(of(0x91, "avc1", 0x00), "before its composition time");
        assertMalformed(of(0x97, 0x05, 0x00), "inside a ModEx prefix");
        assertMalformed(of(0x97, 0xFF, 0x00), "inside a ModEx prefix");
        assertMalformed(of(0x96), "no multitrack byte");
        assertMalformed(of(0x96, 0x07, "avc1"), "packet type 7");
        assertMalformed(of(0xD1), "no command byte");
    }
}
