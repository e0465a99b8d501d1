package dev.weir.ui;

import dev.weir.engine.ListenerException;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StatsSource;
import dev.weir.ui.detail.StreamDetailViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.at;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ConsoleViewModelTest {
    private final AtomicReference<EngineSnapshot> latest = new AtomicReference<>(EngineSnapshot.EMPTY);
    private final ConsoleViewModel vm = new ConsoleViewModel(new SnapshotEngine(latest::get), ConsoleOptions.DEFAULTS,
            Runnable::run, Runnable::run, alerts -> { });

    @Test
    void refreshReadsTheLatestSnapshotIntoEveryScreen() {
        latest.set(at(T0, publishing("live/a", 4_000_000, 8_000_000, 2, Duration.ofSeconds(3))));
        vm.select("live/a");
        vm.refresh();

        assertEquals(1, vm.streams().rows().size());
        assertEquals(4_000_000, vm.detailProperty().get().streamProperty().get().bitrateIn());
        assertEquals("1 stream (1 publishing) · 2 players · 0 connections", vm.summaryProperty().get());
        assertEquals(":1935", vm.listeners().rtmp().addressProperty().get());
    }

    @Test
    void selectingAStreamStartsItsHistoryFromTheLastSnapshot() {
        latest.set(at(T0, publishing("live/a", 1, 1, 0, Duration.ZERO), publishing("live/b", 2, 2, 0, Duration.ZERO)));
        vm.refresh();

        vm.select("live/a");
        StreamDetailViewModel a = vm.detailProperty().get();
        assertEquals(1, a.history().size());

        vm.select("live/a");
        assertSame(a, vm.detailProperty().get(), "re-selecting the same stream keeps its chart");

        vm.select("live/b");
        assertNotSame(a, vm.detailProperty().get());
        assertEquals("live/b", vm.detailProperty().get().key());

        vm.select(null);
        assertNull(vm.detailProperty().get());
    }

    @Test
    void aFailingSnapshotKeepsTheLastNumbers() {
        latest.set(at(T0, publishing("live/a", 1, 1, 0, Duration.ZERO)));
        vm.refresh();
        ConsoleViewModel failing = new ConsoleViewModel(new SnapshotEngine(() -> { throw new IllegalStateException("boom"); }),
                ConsoleOptions.DEFAULTS, Runnable::run, Runnable::run, alerts -> { });
        failing.apply(latest.get());
        failing.refresh();
        failing.refresh();
        assertEquals(1, failing.streams().rows().size());
    }

    @Test
    void summaryCountsInTheSingularToo() {
        assertEquals("0 streams (0 publishing) · 0 players · 0 connections", vm.summaryProperty().get());
        latest.set(at(T0, publishing("live/a", 1, 1, 1, Duration.ZERO)));
        vm.refresh();
        assertEquals("1 stream (1 publishing) · 1 player · 0 connections", vm.summaryProperty().get());
    }

    @Test
    void attachingSwitchesEveryScreenToReadOnlyAndABadAddressIsRefused() {
        latest.set(at(T0, publishing("live/a", 1, 1, 0, Duration.ZERO)));
        vm.refresh();
        vm.select("live/a");

        vm.attach().toggle();
        assertTrue(vm.attach().editingProperty().get(), "the button opens the attach bar");
        vm.attach().addressProperty().set("10.0.0.5");
        assertFalse(vm.attach().attach());
        assertTrue(vm.attach().errorProperty().get().startsWith("'10.0.0.5' has no port"), vm.attach().errorProperty().get());
        assertFalse(vm.attach().attachedProperty().get());

        vm.attach().addressProperty().set("127.0.0.1:9");           // nobody answers there
        assertTrue(vm.attach().attach());
        assertTrue(vm.attach().attachedProperty().get());
        assertFalse(vm.attach().editingProperty().get());
        assertEquals("Read-only — attached to 127.0.0.1:9", vm.attach().indicatorProperty().get());
        assertTrue(vm.listeners().remoteProperty().get());
        assertTrue(vm.streams().readOnlyProperty().get());
        assertTrue(vm.settings().readOnlyProperty().get());
        assertNull(vm.detailProperty().get(), "the local stream's detail closes");
        assertEquals(0, vm.streams().rows().size(), "the remote's (empty) snapshot, not the local stream");

        vm.attach().toggle();                                        // the same button detaches
        assertFalse(vm.attach().attachedProperty().get());
        assertFalse(vm.listeners().remoteProperty().get());
        assertFalse(vm.streams().readOnlyProperty().get());
        assertFalse(vm.settings().readOnlyProperty().get());
        assertEquals(1, vm.streams().rows().size(), "the local engine's stream again");
        vm.close();
    }
}
