package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalLogTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog refusals = new RefusalLog(Duration.ofSeconds(10), now::get, lines::add);

    private void refuse(String host) {
        refusals.refused("srt:0.0.0.0:10080", "token_invalid", host + ":40000", "refused " + host);
    }

    @Test
    void aFloodIsOneLineThenOneSummaryPerInterval() {
        for (int i = 0; i < 58; i++) {
            refuse("192.0.2.7");
            now.addAndGet(SECOND / 10);                        // 58 attempts in 5.8 s
        }
        assertEquals(List.of("refused 192.0.2.7"), lines);

        now.set(5 * SECOND + 10 * SECOND);                     // the window ends
        refusals.flush();
        assertEquals(List.of("refused 192.0.2.7",
                "srt:0.0.0.0:10080: 57 more refused from 192.0.2.7 (token_invalid) in the last 10 s"), lines);

        for (int i = 0; i < 100; i++) {                        // the flood goes on: counted, summarised once
            refuse("192.0.2.7");
            now.addAndGet(SECOND / 20);
        }
        assertEquals(2, lines.size());
        now.addAndGet(5 * SECOND);
        refuse("192.0.2.7");                                   // the 101st arrives after the window: summary first
        assertEquals("srt:0.0.0.0:10080: 100 more refused from 192.0.2.7 (token_invalid) in the last 10 s", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void quietForAnIntervalMakesTheNextRefusalNewsAgain() {
        refuse("192.0.2.7");
        now.addAndGet(11 * SECOND);
        refusals.flush();                                      // nothing suppressed: no summary
        assertEquals(List.of("refused 192.0.2.7"), lines);
        refuse("192.0.2.7");
        assertEquals(List.of("refused 192.0.2.7", "refused 192.0.2.7"), lines);
    }

    @Test
    void hostsReasonsAndListenersAreCountedApart() {
        refuse("192.0.2.7");
        refuse("192.0.2.8");
        refusals.refused("srt:0.0.0.0:10080", "stream_not_allowed", "192.0.2.7:1", "not allowed");
        refusals.refused("rtmp:0.0.0.0:1935", "token_invalid", "192.0.2.7:1", "rtmp refused");
        refuse("192.0.2.7");
        assertEquals(List.of("refused 192.0.2.7", "refused 192.0.2.8", "not allowed", "rtmp refused"), lines);
        refusals.close();                                      // close writes what is counted, due or not
        assertEquals("srt:0.0.0.0:10080: 1 more refused from 192.0.2.7 (token_invalid) in the last 1 s", lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void manyHostsFoldIntoOneSummary() {
        for (int i = 0; i < RefusalLog.MAX_KEYS + 500; i++) {
            refuse("10.0." + (i / 256) + "." + (i % 256));
        }
        assertEquals(RefusalLog.MAX_KEYS + 1, lines.size(), "one line per followed host, then one for the rest");
        now.addAndGet(10 * SECOND);
        refusals.flush();
        assertEquals("srt:0.0.0.0:10080: 499 more refused from * (token_invalid) in the last 10 s", lines.getLast());
    }

    @Test
    void hostIsCutAtThePort() {
        assertEquals("192.0.2.7", RefusalLog.hostOf("192.0.2.7:5000"));
        assertEquals("::1", RefusalLog.hostOf("[::1]:5000"));
        assertEquals("0:0:0:0:0:0:0:1", RefusalLog.hostOf("0:0:0:0:0:0:0:1:5000"));
        assertEquals("?", RefusalLog.hostOf(null));
        assertTrue(RefusalLog.hostOf("host").equals("host"));
    }
}
