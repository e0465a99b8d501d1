package dev.weir.ui.detail;

import dev.weir.engine.stats.EngineSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.at;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamDetailViewModelTest {

    private static EngineSnapshot tick(Instant at, long bitrateIn) {
        return at(at, publishing("live/a", bitrateIn, bitrateIn * 2, 2, Duration.ofSeconds(10)),
                publishing("live/other", 99, 99, 0, Duration.ofSeconds(10)));
    }

    @Test
    void keepsOnePointPerIntervalOfSnapshotTime() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a", 10, Duration.ofSeconds(1));
        for (int quarter = 0; quarter <= 12; quarter++) {  // 3 s of 4 Hz polling
            vm.update(tick(T0.plusMillis(250L * quarter), 1000 + quarter));
        }
        assertEquals(List.of(
                new BitratePoint(0, 1000, 2000),
                new BitratePoint(1, 1004, 2008),
                new BitratePoint(2, 1008, 2016),
                new BitratePoint(3, 1012, 2024)), vm.history());
        assertEquals(1012, vm.streamProperty().get().bitrateIn(), "the numbers follow every snapshot");
    }

    @Test
    void aSlightlyEarlySnapshotStillMakesThePoint() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a", 10, Duration.ofSeconds(1));
        vm.update(tick(T0, 1));
        vm.update(tick(T0.plusMillis(950), 2));
        assertEquals(2, vm.history().size());
    }

    @Test
    void theHistoryIsBoundedAndDropsTheOldestPoints() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a", 5, Duration.ofSeconds(1));
        for (int s = 0; s < 1000; s++) {
            vm.update(tick(T0.plusSeconds(s), s));
            assertTrue(vm.history().size() <= 5);
        }
        assertEquals(List.of(995L, 996L, 997L, 998L, 999L),
                vm.history().stream().map(BitratePoint::bitrateIn).toList());
        assertEquals(999.0, vm.history().get(4).secondsSinceOpen());
    }

    @Test
    void defaultIsFiveMinutesAtOnePointPerSecond() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a");
        for (int s = 0; s < 400; s++) {
            vm.update(tick(T0.plusSeconds(s), s));
        }
        assertEquals(300, vm.history().size());
        assertEquals(300, vm.capacity());
    }

    @Test
    void aStreamThatEndsKeepsItsLastNumbersAndAddsNoPoints() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a", 10, Duration.ofSeconds(1));
        vm.update(tick(T0, 500));
        assertTrue(vm.presentProperty().get());

        vm.update(at(T0.plusSeconds(1)));
        vm.update(at(T0.plusSeconds(2)));

        assertFalse(vm.presentProperty().get());
        assertEquals(500, vm.streamProperty().get().bitrateIn());
        assertEquals(1, vm.history().size());
    }

    @Test
    void theHistoryCannotBeEditedFromOutside() {
        StreamDetailViewModel vm = new StreamDetailViewModel("live/a");
        assertThrows(UnsupportedOperationException.class, () -> vm.history().add(new BitratePoint(0, 0, 0)));
    }

    @Test
    void refusesUselessSizes() {
        assertThrows(IllegalArgumentException.class, () -> new StreamDetailViewModel("live/a", 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new StreamDetailViewModel("live/a", 10, Duration.ZERO));
    }
}
