package dev.weir.engine.media.flv;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.weir.engine.media.Golden.bytes;
import static dev.weir.engine.media.Golden.of;
import static org.junit.jupiter.api.Assertions.*;

class FlvScriptTagTest {

    @Test
    void ffmpegOnMetaData() throws Exception {
        byte[] body = bytes("flv/h264_high_640x360.onMetaData.bin");
        assertEquals("onMetaData", FlvScriptTag.nameOf(body));
        assertEquals(0, FlvScriptTag.setDataFramePrefixLength(body));
        FlvScriptTag tag = FlvScriptTag.parse(body);
        assertEquals("onMetaData", tag.name());
        assertEquals(640, tag.number("width"));
        assertEquals(360, tag.number("height"));
        assertEquals(25, tag.number("framerate"));
        assertEquals(7, tag.number("videocodecid"));
        assertEquals(44100, tag.number("audiosamplerate"));
        assertEquals(Boolean.FALSE, tag.properties().get("stereo"));
        assertEquals("Lavf59.27.100", tag.text("encoder"));
        assertEquals(0, tag.number("missing"));
        assertNull(tag.text("width"), "a number is not text");
    }

    @Test
    void setDataFrameIsUnwrapped() throws Exception {
        byte[] inner = bytes("flv/h264_high_640x360.onMetaData.bin");
        // 02 000d "@setDataFrame": the AMF0 string RTMP encoders put in front of onMetaData
        byte[] wrapped = of(0x02, 0x00, 0x0D, "@setDataFrame", inner);
        assertEquals("@setDataFrame", FlvScriptTag.nameOf(wrapped));
        assertEquals(16, FlvScriptTag.setDataFramePrefixLength(wrapped));
        FlvScriptTag tag = FlvScriptTag.parse(wrapped);
        assertEquals("onMetaData", tag.name());
        assertEquals(640, tag.number("width"));
    }

    @Test
    void nestedObjectsArraysAndOtherMarkers() throws Exception {
        byte[] body = of(
                0x02, 0x00, 0x0A, "onCuePoint",
                0x03,                                               // object
                0x00, 0x04, "name", 0x02, 0x00, 0x02, "cp",         //   name: "cp"
                0x00, 0x05, "inner", 0x03,                          //   inner: {
                0x00, 0x01, "x", 0x05,                              //     x: null
                0x00, 0x00, 0x09,                                   //   }
                0x00, 0x04, "list", 0x0A, 0x00, 0x00, 0x00, 0x02,   //   list: strict array of 2
                0x01, 0x01, 0x06,                                   //     true, undefined
                0x00, 0x04, "date", 0x0B, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, // date 0.0, tz 0
                0x00, 0x00, 0x09);
        FlvScriptTag tag = FlvScriptTag.parse(body);
        assertEquals("onCuePoint", tag.name());
        assertEquals("cp", tag.text("name"));
        Map<?, ?> inner = (Map<?, ?>) tag.properties().get("inner");
        assertTrue(inner.containsKey("x"));
        assertNull(inner.get("x"));
        assertEquals(java.util.Arrays.asList(true, null), tag.properties().get("list"));
        assertEquals(0.0, tag.number("date"));
        assertInstanceOf(List.class, tag.properties().get("list"));
    }

    @Test
    void nameWithoutObjectHasNoProperties() throws Exception {
        FlvScriptTag tag = FlvScriptTag.parse(of(0x02, 0x00, 0x03, "|RS"));
        assertEquals("|RS", tag.name());
        assertTrue(tag.properties().isEmpty());
    }

    @Test
    void malformedBodiesAreRefused() {
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(new byte[0]));
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(of(0x00, 0, 0, 0, 0, 0, 0, 0, 0)), "no name");
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(of(0x02, 0x00, 0x05, "abc")));
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(of(0x02, 0x00, 0x01, "a", 0x11)), "unknown marker");
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(of(0x02, 0x00, 0x01, "a", 0x0A, 0x7F, 0, 0, 0)));
        byte[] deep = new byte[4 + 3 * 40];
        deep[0] = 0x02; deep[1] = 0; deep[2] = 1; deep[3] = 'a';
        for (int i = 0; i < 40; i++) {
            deep[4 + 3 * i] = 0x0A; // strict array of one ... nested 40 deep
        }
        assertThrows(FlvFormatException.class, () -> FlvScriptTag.parse(deep));
        assertNull(FlvScriptTag.nameOf(of(0x02, 0x00, 0x09, "short")));
        assertNull(FlvScriptTag.nameOf(of(0x00)));
    }
}
