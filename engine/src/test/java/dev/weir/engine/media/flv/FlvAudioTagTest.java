package dev.weir.engine.media.flv;

import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.*;

class FlvAudioTagTest {

    private static FlvAudioTag parse(byte[] body) throws FlvFormatException {
        FlvAudioTag tag = FlvAudioTag.parse(body);
        assertEquals(tag.role(), FlvAudioTag.roleOf(body), "roleOf agrees with parse");
        return tag;
    }

    private static void assertMalformed(byte[] body, String messagePart) {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> FlvAudioTag.parse(body));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertEquals(TagRole.MALFORMED, FlvAudioTag.roleOf(body));
    }

    @Test
    void ffmpegAacSequenceHeaderAndFrame() throws Exception {
        FlvAudioTag header = parse(bytes("flv/h264_high_640x360.audio-sequence-header.bin"));
        assertEquals(new FlvAudioTag(AudioCodec.AAC, AudioPacketType.SEQUENCE_START, false, false, 2), header);
        assertEquals(TagRole.SEQUENCE_HEADER, header.role());
        assertTrue(header.isSequenceHeader());

        FlvAudioTag frame = parse(bytes("flv/h264_high_640x360.aac-frame.bin"));
        assertEquals(AudioPacketType.CODED_FRAMES, frame.packetType());
        assertEquals(TagRole.FRAME, frame.role());
    }

    @Test
    void legacyFormatsWithoutPacketType() throws Exception {
        // 0x2F = MP3 (2) << 4 | 44 kHz | 16 bit | stereo
        assertEquals(new FlvAudioTag(AudioCodec.MP3, AudioPacketType.CODED_FRAMES, false, false, 1),
                parse(of(0x2F, 0xFF, 0xFB)));
        // 0xB6 = Speex (11) << 4 | 16 kHz mono
        assertEquals(AudioCodec.SPEEX, parse(of(0xB6)).codec());
        // 0x72 = G.711 A-law
        assertEquals(AudioCodec.G711_ALAW, parse(of(0x72, 0x00)).codec());
    }

    @Test
    void enhancedAudio() throws Exception {
        // 0x90 = SoundFormat 9 (ExHeader) << 4 | AudioPacketType 0 SequenceStart; FourCC Opus; OpusHead follows
        FlvAudioTag opus = parse(of(0x90, "Opus", "OpusHead"));
        assertEquals(new FlvAudioTag(AudioCodec.OPUS, AudioPacketType.SEQUENCE_START, true, false, 5), opus);
        assertEquals(TagRole.SEQUENCE_HEADER, opus.role());
        // 0x91 CodedFrames fLaC
        assertEquals(TagRole.FRAME, parse(of(0x91, "fLaC", 0xFF)).role());
        // 0x94 MultichannelConfig Opus: side data
        assertEquals(TagRole.SIDE_DATA, parse(of(0x94, "Opus", 0x00, 0x02)).role());
        // 0x92 SequenceEnd mp4a
        assertEquals(TagRole.SEQUENCE_END, parse(of(0x92, "mp4a")).role());
        // ac-3, ec-3 and .mp3
        assertEquals(AudioCodec.AC3, parse(of(0x91, "ac-3")).codec());
        assertEquals(AudioCodec.EAC3, parse(of(0x91, "ec-3")).codec());
        assertEquals(AudioCodec.MP3, parse(of(0x91, ".mp3")).codec());
    }

    @Test
    void enhancedModExAndMultitrack() throws Exception {
        // 0x97 ModEx; size-1 = 0 (1 byte: 0x55); 0x01 = ModExType 0 | CodedFrames; FourCC mp4a
        FlvAudioTag modEx = parse(of(0x97, 0x00, 0x55, 0x01, "mp4a", 0x21));
        assertEquals(AudioCodec.AAC, modEx.codec());
        assertEquals(8, modEx.dataOffset());
        // 0x95 Multitrack; 0x10 = ManyTracks (1) << 4 | SequenceStart; FourCC Opus
        FlvAudioTag multi = parse(of(0x95, 0x10, "Opus", 0x00));
        assertTrue(multi.multitrack());
        assertEquals(TagRole.SEQUENCE_HEADER, multi.role());
        // 0x21 = ManyTracksManyCodecs | CodedFrames: no shared FourCC
        assertEquals(AudioCodec.UNSPECIFIED, parse(of(0x95, 0x21, "Opus")).codec());
    }

    @Test
    void malformedBodiesSayWhatIsWrong() {
        assertMalformed(new byte[0], "empty");
        assertMalformed(of(0xC0), "sound format 12");
        assertMalformed(of(0xAF), "no AACPacketType");
        assertMalformed(of(0xAF, 0x02), "packet type 2");
        assertMalformed(of(0x93, "Opus"), "packet type 3");
        assertMalformed(of(0x90, "Opu"), "before its FourCC");
        assertMalformed(of(0x90, "abcd"), "unknown FourCC 'abcd'");
        assertMalformed(of(0x97, 0x03, 0x00), "inside a ModEx prefix");
        assertMalformed(of(0x95), "no multitrack byte");
    }
}
