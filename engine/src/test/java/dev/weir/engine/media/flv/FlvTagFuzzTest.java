package dev.weir.engine.media.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz targets for the three FLV tag parsers. Any input may be refused, but only with
 * {@link FlvFormatException}; the allocation-free {@code roleOf} must agree with {@code parse} on every input,
 * and the offsets a parse reports must lie inside the body.
 */
class FlvTagFuzzTest {

    @FuzzTest
    void videoTag(byte[] body) {
        TagRole fast = FlvVideoTag.roleOf(body);
        try {
            FlvVideoTag tag = FlvVideoTag.parse(body);
            assertEquals(tag.role(), fast);
            assertNotEquals(TagRole.MALFORMED, fast);
            assertTrue(tag.dataOffset() >= 1 && tag.dataOffset() <= body.length, "offset inside the body");
        } catch (FlvFormatException e) {
            assertEquals(TagRole.MALFORMED, fast, e.getMessage());
        }
    }

    @FuzzTest
    void audioTag(byte[] body) {
        TagRole fast = FlvAudioTag.roleOf(body);
        try {
            FlvAudioTag tag = FlvAudioTag.parse(body);
            assertEquals(tag.role(), fast);
            assertTrue(tag.dataOffset() >= 1 && tag.dataOffset() <= body.length, "offset inside the body");
        } catch (FlvFormatException e) {
            assertEquals(TagRole.MALFORMED, fast, e.getMessage());
        }
    }

    @FuzzTest
    void scriptTag(byte[] body) {
        try {
            FlvScriptTag tag = FlvScriptTag.parse(body);
            assertNotNull(tag.name());
        } catch (FlvFormatException expected) {
            // refusing is fine; any other exception is a bug
        }
        FlvScriptTag.nameOf(body);
        int prefix = FlvScriptTag.setDataFramePrefixLength(body);
        assertTrue(prefix == 0 || prefix == 16);
    }
}
