package dev.weir.ui.streams;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.at;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamsViewModelTest {
    private final StreamsViewModel vm = new StreamsViewModel();

    @Test
    void rowsFollowTheSnapshotsStreams() {
        vm.update(at(T0, publishing("live/a", 1_000_000, 0, 0, Duration.ofSeconds(5))));
        StreamRowViewModel a = vm.row("live/a");
        assertEquals(List.of(a), vm.rows());
        assertEquals("H264", a.videoCodecProperty().get());
        assertEquals("High", a.videoProfileProperty().get());
        assertEquals(640, a.widthProperty().get());
        assertEquals(360, a.heightProperty().get());
        assertEquals(25.0, a.fpsProperty().get());
        assertEquals("AAC", a.audioCodecProperty().get());
        assertEquals(44100, a.sampleRateProperty().get());
        assertEquals(2, a.channelsProperty().get());
        assertEquals(1_000_000, a.bitrateInProperty().get());
        assertEquals("127.0.0.1:50000", a.publisherProperty().get());
        assertEquals(StreamSnapshot.StreamState.PUBLISHING, a.stateProperty().get());
        assertEquals(Duration.ofSeconds(5), a.uptimeProperty().get());
    }

    @Test
    void aKeyKeepsItsRowObjectAcrossUpdates() {
        vm.update(at(T0, publishing("live/a", 1_000_000, 0, 0, Duration.ofSeconds(5))));
        StreamRowViewModel a = vm.row("live/a");

        vm.update(at(T0.plusSeconds(1), publishing("live/a", 2_500_000, 4_000_000, 2, Duration.ofSeconds(6)),
                publishing("live/b", 300_000, 0, 0, Duration.ofSeconds(1))));

        assertSame(a, vm.row("live/a"));
        assertSame(a, vm.rows().get(0), "existing rows keep their place; new keys are appended");
        assertEquals("live/b", vm.rows().get(1).key());
        assertEquals(2_500_000, a.bitrateInProperty().get());
        assertEquals(4_000_000, a.bitrateOutProperty().get());
        assertEquals(2, a.playersProperty().get());
    }

    @Test
    void anUnchangedSnapshotFiresNoRowChangeButMovingNumbersDo() {
        StreamSnapshot s = publishing("live/a", 1_000_000, 0, 0, Duration.ofSeconds(5));
        vm.update(at(T0, s));
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<StreamRowViewModel>) c -> {
            while (c.next()) {
                changes.add(c.wasUpdated() ? "updated" : c.wasAdded() ? "added" : c.wasRemoved() ? "removed" : "other");
            }
        });

        vm.update(at(T0.plusMillis(250), s));
        assertEquals(List.of(), changes);

        vm.update(at(T0.plusMillis(500), publishing("live/a", 1_200_000, 0, 0, Duration.ofSeconds(5))));
        assertTrue(changes.contains("updated"), "a sorted table must learn that the bit rate moved: " + changes);
        assertTrue(!changes.contains("added") && !changes.contains("removed"), changes.toString());
    }

    @Test
    void streamsGoneFromTheSnapshotAreRemoved() {
        vm.update(at(T0, publishing("live/a", 1, 0, 0, Duration.ZERO), publishing("live/b", 1, 0, 0, Duration.ZERO)));
        StreamRowViewModel b = vm.row("live/b");

        vm.update(at(T0.plusSeconds(1), publishing("live/b", 1, 0, 0, Duration.ZERO)));

        assertEquals(List.of(b), vm.rows());
        assertNull(vm.row("live/a"));

        vm.update(EngineSnapshot.EMPTY);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aDuplicatedKeyInOneSnapshotMakesOneRow() {
        vm.update(at(T0, publishing("live/a", 1, 0, 0, Duration.ZERO), publishing("live/a", 2, 0, 0, Duration.ZERO)));
        assertEquals(1, vm.rows().size());
        assertEquals(1, vm.row("live/a").bitrateInProperty().get(), "the first entry of a key wins");
    }

    @Test
    void unknownMediaLeavesEmptyValues() {
        StreamSnapshot idle = new StreamSnapshot("live/wait", null, null, StreamSnapshot.StreamState.IDLE,
                Duration.ZERO, 0, 0, 0, 0, null, null, 0, 1, 0, 0);
        vm.update(at(T0, idle));
        StreamRowViewModel row = vm.row("live/wait");
        assertNull(row.videoCodecProperty().get());
        assertNull(row.protocolProperty().get());
        assertEquals(0, row.widthProperty().get());
        assertEquals(1, row.playersProperty().get());
    }

    @Test
    void theRowsCannotBeEditedFromOutside() {
        vm.update(at(T0, publishing("live/a", 1, 0, 0, Duration.ZERO)));
        assertThrows(UnsupportedOperationException.class, () -> vm.rows().clear());
    }

    @Test
    void aRowRefusesAnotherKeysSnapshot() {
        StreamRowViewModel row = new StreamRowViewModel(publishing("live/a", 1, 0, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> row.update(publishing("live/b", 1, 0, 0, Duration.ZERO)));
    }
}
