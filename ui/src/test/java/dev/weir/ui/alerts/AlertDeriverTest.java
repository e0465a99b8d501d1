package dev.weir.ui.alerts;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.*;

/** Alerts come from differences between snapshots in a row; the first snapshot is only the baseline. */
class AlertDeriverTest {
    private final AlertDeriver deriver = new AlertDeriver();

    private static EngineSnapshot snap(int second, List<ListenerSnapshot> listeners, List<StreamSnapshot> streams,
                                       List<RelaySnapshot> relays) {
        return new EngineSnapshot(T0.plusSeconds(second), listeners, streams, List.of(), relays);
    }

    private static ListenerSnapshot srt(long rejected) {
        return new ListenerSnapshot("srt:0.0.0.0:10080", Protocol.SRT, "0.0.0.0:10080", ListenerSnapshot.ListenerState.RUNNING,
                null, 0, 0, rejected);
    }

    @Test
    void publisherComesAndGoes() {
        assertEquals(List.of(), deriver.next(snap(0, List.of(), List.of(publishing("live/a", 1, 1, 0, Duration.ZERO)), List.of())),
                "what is there at the start is not news");
        List<Alert> came = deriver.next(snap(1, List.of(), List.of(publishing("live/a", 1, 1, 0, Duration.ZERO),
                publishing("live/b", 1, 1, 0, Duration.ZERO)), List.of()));
        assertEquals(1, came.size());
        assertEquals(Alert.Kind.PUBLISHER_CONNECTED, came.getFirst().kind());
        assertTrue(came.getFirst().text().startsWith("live/b: publisher connected (RTMP from 127.0.0.1:50000)"));
        List<Alert> gone = deriver.next(snap(2, List.of(), List.of(publishing("live/b", 1, 1, 0, Duration.ZERO)), List.of()));
        assertEquals(List.of(Alert.Kind.PUBLISHER_DROPPED), gone.stream().map(Alert::kind).toList());
        assertEquals(List.of(), deriver.next(snap(3, List.of(), List.of(publishing("live/b", 1, 1, 0, Duration.ZERO)), List.of())),
                "no change, no alert");
    }

    @Test
    void refusalsRecordingAndRelayFailures() {
        StreamSnapshot ok = publishing("live/a", 1, 1, 0, Duration.ZERO)
                .withIngestDetails(0, new RecordingSnapshot(RecordingSnapshot.State.RECORDING, "f.flv", "flv", 1, Duration.ZERO, null));
        StreamSnapshot failed = publishing("live/a", 1, 1, 0, Duration.ZERO)
                .withIngestDetails(0, new RecordingSnapshot(RecordingSnapshot.State.FAILED, "f.flv", "flv", 1, Duration.ZERO, "disk full"));
        RelaySnapshot running = new RelaySnapshot("live/a", "srt://x:1", RelaySnapshot.State.RUNNING, 0, 0, 0, null);
        RelaySnapshot backoff = new RelaySnapshot("live/a", "srt://x:1", RelaySnapshot.State.BACKOFF, 0, 0, 1, "connection refused");
        deriver.next(snap(0, List.of(srt(0)), List.of(ok), List.of(running)));
        List<Alert> alerts = deriver.next(snap(1, List.of(srt(3)), List.of(failed), List.of(backoff)));
        assertEquals(List.of(Alert.Kind.RECORDING_FAILED, Alert.Kind.RELAY_FAILING, Alert.Kind.CONNECTIONS_REFUSED),
                alerts.stream().map(Alert::kind).toList());
        assertEquals("live/a: recording failed: disk full", alerts.get(0).text());
        assertTrue(alerts.get(1).text().endsWith("failing: connection refused"));
        assertTrue(alerts.get(2).text().contains("refused 3 connection attempts (wrong passphrase"));
        assertEquals(List.of(), deriver.next(snap(2, List.of(srt(3)), List.of(failed), List.of(backoff))), "said once");
    }

    @Test
    void batchesAreFlushedAtMostOncePerInterval() {
        List<List<Alert>> batches = new java.util.ArrayList<>();
        AlertsViewModel vm = new AlertsViewModel(Duration.ofSeconds(1), batches::add);
        vm.update(new EngineSnapshot(T0, List.of(srt(0)), List.of(), List.of()));
        for (int i = 1; i <= 8; i++) {
            vm.update(new EngineSnapshot(T0.plusMillis(250L * i), List.of(srt(i)), List.of(), List.of()));
        }
        assertEquals(2, batches.size(), "eight refusals over two seconds are two notifications, not eight: " + batches);
        assertEquals(8, vm.recent().size());
        assertTrue(Instant.EPOCH.isBefore(vm.recent().getLast().at()));
    }
}
