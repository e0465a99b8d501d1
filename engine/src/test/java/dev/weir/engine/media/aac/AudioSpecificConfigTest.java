package dev.weir.engine.media.aac;

import dev.weir.engine.media.MalformedMediaException;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.hex;
import static org.junit.jupiter.api.Assertions.*;

class AudioSpecificConfigTest {

    @Test
    void ffmpegLcMonoWithSyncExtensionSayingNoSbr() throws Exception {
        // 12 08 = 00010 (LC) 0100 (44100) 0001 (mono) 000 (GA); 56 e5 00 = sync 0x2b7, AOT 5, sbrPresent 0
        AudioSpecificConfig asc = AudioSpecificConfig.parse(bytes("aac/lc_44100_mono.asc"));
        assertEquals(new AudioSpecificConfig(2, false, false, 44100, 44100, 1, 1), asc);
        assertEquals("LC", asc.profileName());
    }

    @Test
    void ffmpegLcStereo48k() throws Exception {
        AudioSpecificConfig asc = AudioSpecificConfig.parse(bytes("aac/lc_48000_stereo.asc"));
        assertEquals("LC", asc.profileName());
        assertEquals(48000, asc.sampleRate());
        assertEquals(2, asc.channels());
    }

    @Test
    void explicitHeAac() throws Exception {
        // 2b 92 08 00 = 00101 (SBR) 0111 (22050 core) 0010 (stereo) 0100 (44100 extension) 00010 (LC core) 000
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("2b 92 08 00"));
        assertEquals("HE-AAC", asc.profileName());
        assertEquals(2, asc.objectType());
        assertEquals(22050, asc.coreSampleRate());
        assertEquals(44100, asc.sampleRate());
        assertEquals(2, asc.channels());
    }

    @Test
    void explicitHeAacV2PlaysMonoCoreAsStereo() throws Exception {
        // eb 8a 08 00 = 11101 (PS) 0111 (22050) 0001 (mono) 0100 (44100) 00010 (LC) 000
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("eb 8a 08 00"));
        assertEquals("HE-AACv2", asc.profileName());
        assertEquals(44100, asc.sampleRate());
        assertEquals(1, asc.channelConfiguration());
        assertEquals(2, asc.channels());
    }

    @Test
    void backwardCompatibleSbrAndPsSignalling() throws Exception {
        // 13 90 = LC 22050 stereo; 56 e5 a0 = sync 0x2b7, AOT 5, sbrPresent 1, extension index 4 (44100)
        AudioSpecificConfig sbr = AudioSpecificConfig.parse(hex("13 90 56 e5 a0"));
        assertEquals("HE-AAC", sbr.profileName());
        assertEquals(44100, sbr.sampleRate());
        // 13 88 = LC 22050 mono; then SBR as above and sync 0x548 with psPresent 1
        AudioSpecificConfig ps = AudioSpecificConfig.parse(hex("13 88 56 e5 a5 48 80"));
        assertEquals("HE-AACv2", ps.profileName());
        assertEquals(2, ps.channels());
    }

    @Test
    void escapedObjectTypeAndExplicitRate() throws Exception {
        // 11111 000111 (31 -> 32 + 7 = 39, ELD) 1111 (escape) 0000 0000 1011 1011 1000 0000 (48000) 0001 (mono)
        // = 11111000 11111110 00000001 01110111 00000000 0010(pad) -> f8 fe 01 77 00 20
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("f8 fe 01 77 00 20"));
        assertEquals(39, asc.objectType());
        assertEquals("ELD", asc.profileName());
        assertEquals(48000, asc.sampleRate());
        assertEquals(1, asc.channels());
    }

    @Test
    void writesTheTwoBytesFfmpegWritesForLc() throws Exception {
        // ffmpeg's FLV sequence header is 12 08 56 e5 00; the writer leaves out the "no SBR" sync extension
        assertArrayEquals(hex("12 08"), AudioSpecificConfig.parse(bytes("aac/lc_44100_mono.asc")).encode());
        assertArrayEquals(hex("11 90"), AudioSpecificConfig.parse(bytes("aac/lc_48000_stereo.asc")).encode());
        assertArrayEquals(hex("12 10"), AudioSpecificConfig.of(2, 4, 2).encode());
    }

    @Test
    void writesEscapesWhereTheFieldsNeedThem() throws Exception {
        // ELD (39) needs the object type escape; 44000 Hz is no standard rate, so index 15 and 24 bits:
        // 11111 000111 (31 -> 32 + 7) 1111 (escape) 0000 0000 1010 1011 1110 0000 (44000) 0010 (stereo) 000 (GA)
        // = 11111000 11111110 00000001 01010111 11000000 010000(pad 00) -> f8 fe 01 57 c0 40
        AudioSpecificConfig eld = new AudioSpecificConfig(39, false, false, 44000, 44000, 2, 2);
        assertArrayEquals(hex("f8 fe 01 57 c0 40"), eld.encode());
        assertEquals(15, eld.frequencyIndex());
        AudioSpecificConfig back = AudioSpecificConfig.parse(eld.encode());
        assertEquals(39, back.objectType());
        assertEquals(44000, back.sampleRate());
        assertEquals(2, back.channels());
    }

    @Test
    void randomPlainConfigsRoundTrip() throws Exception {
        java.util.Random random = new java.util.Random(7);
        int[] generalAudio = {1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23};
        for (int i = 0; i < 500; i++) {
            int type = generalAudio[random.nextInt(generalAudio.length)];
            AudioSpecificConfig asc = AudioSpecificConfig.of(type, random.nextInt(13), 1 + random.nextInt(7));
            assertEquals(asc, AudioSpecificConfig.parse(asc.encode()), asc.toString());
        }
    }

    @Test
    void sbrConfigsAreNotWrittenWithoutTheirExtension() throws Exception {
        AudioSpecificConfig he = AudioSpecificConfig.parse(hex("2b 92 08 00"));
        assertThrows(IllegalStateException.class, he::encode);
    }

    @Test
    void malformedConfigsAreRefused() {
        assertThrows(MalformedMediaException.class, () -> AudioSpecificConfig.parse(hex("12")));
        assertThrows(MalformedMediaException.class, () -> AudioSpecificConfig.parse(hex("00 00")), "object type 0");
        assertThrows(MalformedMediaException.class, () -> AudioSpecificConfig.parse(hex("16 88")), "reserved index 13");
    }
}
