package dev.weir.engine.media.mp4;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MediaGolden;
import dev.weir.engine.media.convert.FlvBodies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Fmp4MuxerTest {
    static final byte[] HVCC = MediaGolden.hexFile("hevc_320x240_hvcC.hex");

    static MediaMessage video(long t, byte[] body) {
        return new MediaMessage(MediaMessage.Kind.VIDEO, t, body);
    }

    static MediaMessage audio(long t, byte[] body) {
        return new MediaMessage(MediaMessage.Kind.AUDIO, t, body);
    }

    /** Top-level boxes of a chunk as "type:size" strings. */
    static List<String> boxes(byte[] b) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p + 8 <= b.length) {
            int size = ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            out.add(new String(b, p + 4, 4, StandardCharsets.ISO_8859_1));
            assertTrue(size >= 8 && p + size <= b.length, "box sizes add up");
            p += size;
        }
        assertEquals(b.length, p);
        return out;
    }

    static int indexOf(byte[] hay, String fourCc) {
        byte[] needle = fourCc.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + 4 <= hay.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void hevcAndAacMakeAnInitSegmentThenOneFragmentPerGop() throws Mp4Exception {
        Fmp4Muxer muxer = new Fmp4Muxer();
        List<byte[]> chunks = new ArrayList<>();
        chunks.addAll(muxer.accept(video(0, FlvBodies.hevcSequenceStart(HVCC))));
        chunks.addAll(muxer.accept(audio(0, MediaGolden.hex("af 00 12 10"))));
        assertTrue(chunks.isEmpty(), "nothing before the first frame");
        for (int i = 0; i < 100; i++) {
            boolean key = i % 25 == 0;
            byte[] frame = FlvBodies.hevcFrame(key, 0, MediaGolden.hex("00 00 00 02 26 01"));
            chunks.addAll(muxer.accept(video(i * 40L, frame)));
            chunks.addAll(muxer.accept(audio(i * 40L, MediaGolden.hex("af 01 21 00"))));
        }
        chunks.addAll(muxer.finish());
        byte[] init = chunks.getFirst();
        assertEquals(List.of("ftyp", "moov"), boxes(init));
        int hvcC = indexOf(init, "hvcC");
        assertTrue(indexOf(init, "hvc1") > 0 && hvcC > 0 && indexOf(init, "esds") > 0 && indexOf(init, "trex") > 0);
        byte[] inBox = java.util.Arrays.copyOfRange(init, hvcC + 4, hvcC + 4 + HVCC.length);
        assertArrayEquals(HVCC, inBox, "hvcC carries the record as received");
        assertEquals(5, chunks.size(), "init + four GOPs of one second");
        for (byte[] fragment : chunks.subList(1, chunks.size())) {
            assertEquals(List.of("moof", "mdat"), boxes(fragment));
        }
        assertEquals(0, muxer.droppedMessages());
    }

    @Test
    void framesBeforeTheFirstKeyframeAreDropped() throws Mp4Exception {
        Fmp4Muxer muxer = new Fmp4Muxer();
        muxer.accept(video(0, FlvBodies.hevcSequenceStart(HVCC)));
        muxer.accept(audio(0, MediaGolden.hex("af 00 12 10")));
        muxer.accept(video(0, FlvBodies.hevcFrame(false, 0, MediaGolden.hex("00 00 00 02 02 01"))));
        muxer.accept(video(40, FlvBodies.hevcFrame(true, 0, MediaGolden.hex("00 00 00 02 26 01"))));
        assertEquals(1, muxer.droppedMessages());
        assertTrue(muxer.started());
    }
}
