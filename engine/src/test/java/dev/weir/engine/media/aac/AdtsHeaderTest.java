package dev.weir.engine.media.aac;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdtsHeaderTest {

    @Test
    void ffmpegStereoAdtsGivesTheAscFfmpegPutsInFlv() throws MalformedMediaException {
        byte[] adts = MediaGolden.bytes("ffmpeg_aac_44100_stereo.adts");
        // ff f1 50 80 20 df fc: MPEG-4, no CRC, LC, 44.1 kHz (index 4), 2 channels, frame length 262
        AdtsHeader h = AdtsHeader.parse(adts, 0, adts.length);
        assertEquals(7, h.headerLength());
        assertEquals(44100, h.config().sampleRate());
        assertEquals(2, h.config().channels());
        assertEquals(262, h.frameLength());
        // ffmpeg's FLV of the same encoder starts its AAC sequence header with af 00 12 10 (then 56 e5 00,
        // the backward-compatible "no SBR" signalling an ADTS header cannot carry)
        assertArrayEquals(MediaGolden.hex("12 10"), h.config().encode());
    }

    @Test
    void ffmpegMono48kAdts() throws MalformedMediaException {
        byte[] adts = MediaGolden.bytes("ffmpeg_aac_48000_mono.adts");
        AdtsHeader h = AdtsHeader.parse(adts, 0, adts.length);
        // ffmpeg's FLV: af 00 11 88 56 e5 00
        assertArrayEquals(MediaGolden.hex("11 88"), h.config().encode());
    }

    @Test
    void everyFrameOfTheCaptureChainsToTheNext() throws MalformedMediaException {
        byte[] adts = MediaGolden.bytes("ffmpeg_aac_44100_stereo.adts");
        int p = 0;
        int frames = 0;
        while (p < adts.length) {
            AdtsHeader h = AdtsHeader.parse(adts, p, adts.length - p);
            p += h.frameLength();
            frames++;
        }
        assertEquals(adts.length, p);
        assertEquals(6, frames, "0.1 s of 44.1 kHz in 1024-sample frames plus the encoder delay");
    }

    @Test
    void encodeWritesTheHeaderFfmpegWrote() {
        AudioSpecificConfig lcStereo44k = AudioSpecificConfig.of(2, 4, 2);
        // ffmpeg: ff f1 50 80 20 df fc for a 255-byte payload
        assertArrayEquals(MediaGolden.hex("ff f1 50 80 20 df fc"), AdtsHeader.encode(lcStereo44k, 255));
    }

    @Test
    void carriesWhatTheSevenByteHeaderCanSay() throws MalformedMediaException {
        assertTrue(AdtsHeader.canCarry(AudioSpecificConfig.of(2, 4, 2)));
        // HE-AAC: the header carries the LC core at 22.05 kHz (implicit SBR signalling)
        AudioSpecificConfig he = AudioSpecificConfig.parse(MediaGolden.hex("2b 92 08 00"));
        assertTrue(AdtsHeader.canCarry(he));
        assertArrayEquals(MediaGolden.hex("ff f1 5c 80 20 df fc"), AdtsHeader.encode(he, 255));
        assertFalse(AdtsHeader.canCarry(AudioSpecificConfig.parse(MediaGolden.hex("f8 fe 01 77 00 20"))), "ELD");
        assertFalse(AdtsHeader.canCarry(new AudioSpecificConfig(2, false, false, 44000, 44000, 2, 2)), "44 kHz");
        assertFalse(AdtsHeader.canCarry(AudioSpecificConfig.of(2, 4, 11)), "channel configuration 11");
    }

    @Test
    void garbageIsRefused() {
        assertThrows(MalformedMediaException.class, () -> AdtsHeader.parse(MediaGolden.hex("ff f1 7c 80 20 df fc"), 0, 7));
        assertThrows(MalformedMediaException.class, () -> AdtsHeader.parse(MediaGolden.hex("fe f1 50 80 20 df fc"), 0, 7));
        assertThrows(MalformedMediaException.class, () -> AdtsHeader.parse(MediaGolden.hex("ff f1 50 80 00 1f fc"), 0, 7));
    }
}
