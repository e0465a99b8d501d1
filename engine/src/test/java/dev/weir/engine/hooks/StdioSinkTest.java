package dev.weir.engine.hooks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StdioSinkTest {

    @Test
    void jsonIsOneLinePerEvent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StdioSink sink = new StdioSink(StdioSink.Format.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.deliver(HookEventTest.rejected(), Duration.ofSeconds(1));
        sink.deliver(HookEventTest.rejected(), Duration.ofSeconds(1));
        String line = HookEventTest.rejected().toJson().toJson();
        assertEquals(line + "\n" + line + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void envIsKeyValueLinesThenABlankLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StdioSink(StdioSink.Format.ENV, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .deliver(HookEventTest.rejected(), Duration.ofSeconds(1));
        assertEquals("""
                WEIR_EVENT=connection_rejected
                WEIR_TIME=2026-11-21T05:00:00Z
                WEIR_TIMESTAMP=1795237200
                WEIR_STREAM_KEY=live/test
                WEIR_PROTOCOL=srt
                WEIR_REMOTE_ADDR=127.0.0.1:50000
                WEIR_CONNECTION_ID=srt-3
                WEIR_DATA_ACTION=publish
                WEIR_DATA_REASON=token_invalid
                WEIR_DATA_DETAIL=line1\\nline2 "q"

                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
