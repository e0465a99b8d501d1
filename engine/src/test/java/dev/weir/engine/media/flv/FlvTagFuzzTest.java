package dev.weir.engine.media.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One fuzz target for the three FLV tag parsers (one target per class, as docs/testing.md asks): the first
 * input byte picks video, audio or script data, the rest is the tag body. Any body may be refused, but only
 * with {@link FlvFormatException}; the allocation-free {@code roleOf} must agree with {@code parse} on every
 * input, and the offsets a parse reports must lie inside the body.
 */
class FlvTagFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void flvTag(byte[] input) {
        if (input.length == 0) return;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], 3)) {
            case 0 -> videoTag(body);
            case 1 -> audioTag(body);
            default -> scriptTag(body);
        }
    }

    private static void videoTag(byte[] body) {
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

    private static void audioTag(byte[] body) {
        TagRole fast = FlvAudioTag.roleOf(body);
        try {
            FlvAudioTag tag = FlvAudioTag.parse(body);
            assertEquals(tag.role(), fast);
            assertTrue(tag.dataOffset() >= 1 && tag.dataOffset() <= body.length, "offset inside the body");
        } catch (FlvFormatException e) {
            assertEquals(TagRole.MALFORMED, fast, e.getMessage());
        }
    }

    private static void scriptTag(byte[] body) {
        try {
            FlvScriptTag tag = FlvScriptTag.parse(body);
            assertNotNull(tag.name());
            StreamMetadata.from(tag);
        } catch (FlvFormatException expected) {
            // refusing is fine; any other exception is a bug
        }
        FlvScriptTag.nameOf(body);
        int prefix = FlvScriptTag.setDataFramePrefixLength(body);
        assertTrue(prefix == 0 || prefix == 16);
    }
}
