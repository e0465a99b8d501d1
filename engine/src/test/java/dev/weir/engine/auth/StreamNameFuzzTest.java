package dev.weir.engine.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Stream names (RTMP {@code publish}/{@code play}) and SRT stream ids come straight from peers. The SRT parser may
 * only refuse with {@link SrtStreamId.InvalidStreamIdException}; the RTMP one never fails; neither leaves a query
 * in the stream key. The input is split at the first NUL: app, then name (and the whole input is a stream id).
 */
class StreamNameFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void streamNamesParseOrAreRefusedWithAReason(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            SrtStreamId id = SrtStreamId.parse(text);
            assertNotNull(id.mode());
            assertFalse(id.resource().isEmpty());
            assertFalse(id.resource().contains("?"));
        } catch (SrtStreamId.InvalidStreamIdException e) {
            assertNotNull(e.reason());
        }
        int nul = text.indexOf('\0');
        RtmpStreamName n = nul < 0 ? RtmpStreamName.parse("live", text) : RtmpStreamName.parse(text.substring(0, nul), text.substring(nul + 1));
        assertFalse(n.streamKey().contains("?"));
    }
}
