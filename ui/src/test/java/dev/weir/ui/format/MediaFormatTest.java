package dev.weir.ui.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MediaFormatTest {

    @Test
    void resolutionNeedsBothSides() {
        assertEquals("1280×720", MediaFormat.resolution(1280, 720));
        assertEquals("–", MediaFormat.resolution(1280, 0));
        assertEquals("–", MediaFormat.resolution(0, 0));
    }

    @Test
    void frameRateDropsTrailingZeros() {
        assertEquals("25", MediaFormat.frameRate(25.0));
        assertEquals("29.97", MediaFormat.frameRate(30000.0 / 1001));
        assertEquals("12.5", MediaFormat.frameRate(12.5));
        assertEquals("60", MediaFormat.frameRate(59.999));
        assertEquals("–", MediaFormat.frameRate(0));
        assertEquals("–", MediaFormat.frameRate(Double.NaN));
        assertEquals("–", MediaFormat.frameRate(Double.POSITIVE_INFINITY));
    }

    @Test
    void sampleRateInKilohertz() {
        assertEquals("44.1 kHz", MediaFormat.sampleRate(44100));
        assertEquals("48 kHz", MediaFormat.sampleRate(48000));
        assertEquals("11.025 kHz", MediaFormat.sampleRate(11025));
        assertEquals("8 kHz", MediaFormat.sampleRate(8000));
        assertEquals("–", MediaFormat.sampleRate(0));
    }

    @Test
    void channelsByName() {
        assertEquals("mono", MediaFormat.channels(1));
        assertEquals("stereo", MediaFormat.channels(2));
        assertEquals("6 ch", MediaFormat.channels(6));
        assertEquals("–", MediaFormat.channels(0));
    }

    @Test
    void codecWithOptionalProfile() {
        assertEquals("H264 High", MediaFormat.codec("H264", "High"));
        assertEquals("AAC", MediaFormat.codec("AAC", null));
        assertEquals("–", MediaFormat.codec(null, "High"));
    }

    @Test
    void blankTextIsUnknown() {
        assertEquals("–", MediaFormat.text(null));
        assertEquals("–", MediaFormat.text(" "));
        assertEquals("live/test", MediaFormat.text("live/test"));
    }
}
