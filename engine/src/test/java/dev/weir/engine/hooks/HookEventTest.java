package dev.weir.engine.hooks;

import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HookEventTest {
    static final Instant T = Instant.parse("2026-11-21T05:00:00Z");

    static HookEvent rejected() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("action", "publish");
        extra.put("reason", "token_invalid");
        extra.put("detail", "line1\nline2 \"q\"");
        return new HookEvent(HookEventType.CONNECTION_REJECTED, T, "live/test", Protocol.SRT, "127.0.0.1:50000", "srt-3", extra);
    }

    @Test
    void jsonHasEveryField() {
        assertEquals("{\"type\":\"connection_rejected\",\"time\":\"2026-11-21T05:00:00Z\",\"timestamp\":1795237200,"
                + "\"stream_key\":\"live/test\",\"protocol\":\"srt\",\"remote_addr\":\"127.0.0.1:50000\",\"connection_id\":\"srt-3\","
                + "\"data\":{\"action\":\"publish\",\"reason\":\"token_invalid\",\"detail\":\"line1\\nline2 \\\"q\\\"\"}}",
                rejected().toJson().toJson());
    }

    @Test
    void absentFieldsAreJsonNullAndLeftOutOfTheEnvironment() {
        HookEvent e = new HookEvent(HookEventType.RELAY_FAILED, T, "live/x", null, null, null, Map.of("destination", "rtmp://a/b"));
        assertEquals("{\"type\":\"relay_failed\",\"time\":\"2026-11-21T05:00:00Z\",\"timestamp\":1795237200,\"stream_key\":\"live/x\","
                + "\"protocol\":null,\"remote_addr\":null,\"connection_id\":null,\"data\":{\"destination\":\"rtmp://a/b\"}}", e.toJson().toJson());
        assertEquals(Map.of("WEIR_EVENT", "relay_failed", "WEIR_TIME", "2026-11-21T05:00:00Z", "WEIR_TIMESTAMP", "1795237200",
                "WEIR_STREAM_KEY", "live/x", "WEIR_DATA_DESTINATION", "rtmp://a/b"), e.toEnvironment());
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        HookEvent e = new HookEvent(HookEventType.RECORD_START, T, "live/x", Protocol.RTMP, "1.2.3.4:5", "rtmp-1", Map.of("file-path", "/r/x.flv"));
        Map<String, String> env = e.toEnvironment();
        assertEquals("record_start", env.get("WEIR_EVENT"));
        assertEquals("rtmp", env.get("WEIR_PROTOCOL"));
        assertEquals("1.2.3.4:5", env.get("WEIR_REMOTE_ADDR"));
        assertEquals("rtmp-1", env.get("WEIR_CONNECTION_ID"));
        assertEquals("/r/x.flv", env.get("WEIR_DATA_FILE_PATH"));
    }

    @Test
    void eventNamesParse() {
        assertEquals(HookEventType.PLAY_STOP, HookEventType.parse("play_stop"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HookEventType.parse("auth_failed"));
        assertEquals("unknown hook event 'auth_failed'; events are publish_start, publish_stop, play_start, play_stop, "
                + "record_start, record_stop, relay_failed, connection_rejected", e.getMessage());
    }
}
