package dev.weir.ui.detail;

import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.*;

/** The detail's SRT side: transport points from the publisher's libsrt-style stats, players, key events. */
class StreamDetailTransportTest {

    private static SrtStats stats(long lostTotal, long retransTotal, double rtt, List<KeyMaterialEvent> events) {
        var total = new SrtStats.Totals(0, 0, 0, 0, 0, lostTotal, 0, retransTotal, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        var interval = new SrtStats.Interval(1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var instant = new SrtStats.Instant(0, 0, 0, 0, rtt, 0, 0, 0, 1500, 0, 0, 0, 0, 0, 0, 0, 95, 120, 0, 0);
        return new SrtStats(0, total, interval, instant, new SrtStats.KeyMaterialStatus(true, 32, "odd", 1, events));
    }

    private static ConnectionSnapshot conn(String id, ConnectionSnapshot.Role role, SrtStats srt) {
        return new ConnectionSnapshot(id, Protocol.SRT, "srt:0.0.0.0:10080", "10.0.0.1:5000", role,
                role == ConnectionSnapshot.Role.PUBLISHER ? ConnectionSnapshot.State.PUBLISHING : ConnectionSnapshot.State.PLAYING,
                "live/a", Duration.ofSeconds(3), 0, 0, 0, 0, 0, srt);
    }

    private static EngineSnapshot snap(int second, ConnectionSnapshot... connections) {
        StreamSnapshot s = publishing("live/a", 1_000_000, 0, connections.length - 1, Duration.ofSeconds(second));
        return new EngineSnapshot(T0.plusSeconds(second), List.of(), List.of(s), List.of(connections));
    }

    @Test
    void lossAndRetransmissionsArePerPointAndRttIsLibsrtsMsRtt() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a");
        var rotated = List.of(new KeyMaterialEvent(5000, KeyMaterialEvent.Kind.PEER_REFRESHED, "both"));
        vm.update(snap(0, conn("srt-1", ConnectionSnapshot.Role.PUBLISHER, stats(10, 4, 20.5, List.of()))));
        vm.update(snap(1, conn("srt-1", ConnectionSnapshot.Role.PUBLISHER, stats(13, 5, 22.0, rotated)),
                conn("srt-2", ConnectionSnapshot.Role.PLAYER, null)));
        assertEquals(2, vm.transport().size());
        TransportPoint first = vm.transport().get(0);
        assertEquals(0, first.lost(), "the first point has nothing to compare with");
        TransportPoint second = vm.transport().get(1);
        assertEquals(3, second.lost());
        assertEquals(1, second.retransmitted());
        assertEquals(22.0, second.rttMs());
        assertEquals(95, second.receiveBufferMs());
        assertEquals(120, second.tsbpdDelayMs());
        assertEquals(2.0, second.keyframeIntervalSec());
        assertEquals(List.of("srt-2"), vm.players().stream().map(PlayerRow::id).toList());
        assertEquals(rotated, vm.keyEvents());
        assertEquals("srt-1", vm.publisherProperty().get().id());

        PlayerRow player = vm.players().getFirst();
        vm.update(snap(2, conn("srt-1", ConnectionSnapshot.Role.PUBLISHER, stats(13, 5, 22.0, rotated)),
                conn("srt-2", ConnectionSnapshot.Role.PLAYER, null)));
        assertSame(player, vm.players().getFirst(), "a player keeps its row across refreshes");
        vm.update(snap(3, conn("srt-1", ConnectionSnapshot.Role.PUBLISHER, stats(13, 5, 22.0, rotated))));
        assertTrue(vm.players().isEmpty(), "a player that left leaves the table");
    }
}
