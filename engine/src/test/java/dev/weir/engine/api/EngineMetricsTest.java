package dev.weir.engine.api;

import dev.weir.engine.api.PrometheusTextValidator.Sample;
import dev.weir.engine.stats.EngineSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineMetricsTest {

    private static String metrics(EngineSnapshot s) {
        PrometheusText out = new PrometheusText();
        EngineMetrics.write(s, out);
        return out.toString();
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst().orElseThrow(() -> new AssertionError("no " + name + labels));
    }

    @Test
    void theSnapshotsNumbersAppearWithTheirLabels() {
        List<Sample> samples = PrometheusTextValidator.samples(metrics(SampleSnapshots.fixed()));
        assertEquals(1795237200.25, value(samples, "weir_snapshot_timestamp_seconds", Map.of()));
        assertEquals(1, value(samples, "weir_listener_up", Map.of("listener", "rtmp:0.0.0.0:1935", "protocol", "rtmp")));
        assertEquals(0, value(samples, "weir_listener_up", Map.of("listener", "srt:0.0.0.0:10080", "protocol", "srt")));
        assertEquals(10, value(samples, "weir_listener_accepted_connections_total", Map.of("listener", "rtmp:0.0.0.0:1935")));
        assertEquals(1_234_567, value(samples, "weir_stream_received_bytes_total", Map.of("stream", "live/test", "protocol", "rtmp")));
        assertEquals(312_500, value(samples, "weir_stream_receive_bytes_per_second", Map.of("stream", "live/test")));
        assertEquals(2, value(samples, "weir_stream_players", Map.of("stream", "live/test")));
        assertEquals(62.5, value(samples, "weir_stream_uptime_seconds", Map.of("stream", "live/test")));
        assertEquals(25, value(samples, "weir_stream_video_frames_per_second", Map.of("stream", "live/test")));
        assertEquals(1, value(samples, "weir_stream_info", Map.of("stream", "live/test", "video_codec", "H264", "width", "640",
                "height", "360", "audio_codec", "AAC")));
        assertEquals(1, value(samples, "weir_streams", Map.of("state", "publishing")));
        assertEquals(1, value(samples, "weir_streams", Map.of("state", "idle")));
        // The awkward key survives escaping and unescaping.
        assertEquals(1, value(samples, "weir_stream_players", Map.of("stream", "live/we\"ird\\key\nx", "protocol", "")));
        assertEquals(1, value(samples, "weir_connections", Map.of("listener", "rtmp:0.0.0.0:1935", "protocol", "rtmp", "role", "publisher")));
        assertEquals(1, value(samples, "weir_connections", Map.of("listener", "rtmp:0.0.0.0:1935", "protocol", "rtmp", "role", "player")));
    }

    @Test
    void emptyAndRandomSnapshotsAreValidText() {
        assertEquals(List.of(), PrometheusTextValidator.problems(metrics(EngineSnapshot.EMPTY)));
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            EngineSnapshot s = SampleSnapshots.random(r);
            String text = metrics(s);
            List<String> problems = PrometheusTextValidator.problems(text);
            // Random keys may repeat within a snapshot (the engine's never do); only that may be reported.
            assertTrue(problems.stream().allMatch(p -> p.contains("duplicate series")), problems + "\n" + text);
        }
    }
}
