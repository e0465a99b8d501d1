package dev.weir.ui.settings;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.ui.SnapshotEngine;
import dev.weir.engine.stats.EngineSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The settings forms over one EngineConfig: validation in operator words, what applies now, what waits. */
class SettingsViewModelTest {
    private final SnapshotEngine engine = new SnapshotEngine(() -> EngineSnapshot.EMPTY);
    private final ConfigStore store = ConfigStore.inMemory(EngineConfig.DEFAULTS);
    private final List<EngineConfig> applied = new ArrayList<>();
    private final SettingsViewModel vm = new SettingsViewModel(engine, store, Runnable::run, Runnable::run, applied::add);

    @Test
    void startsFromTheRunningConfiguration() {
        assertEquals(":1935", vm.rtmpListenProperty().get());
        assertEquals("4096", vm.chunkSizeProperty().get());
        assertEquals("120", vm.latencyProperty().get());
        assertEquals(SrtEncryption.NONE, vm.encryptionProperty().get());
        assertEquals(EngineConfig.DEFAULTS, vm.draft());
    }

    @Test
    void badValuesAreExplainedWithoutTheSecret() {
        vm.latencyProperty().set("fast");
        assertNull(vm.draft());
        assertEquals("SRT latency must be a whole number, got 'fast'.", vm.errorProperty().get());
        vm.latencyProperty().set("10");
        assertNull(vm.draft());
        assertTrue(vm.errorProperty().get().contains("between 20 and 8000"), vm.errorProperty().get());
        vm.latencyProperty().set("200");
        vm.encryptionProperty().set(SrtEncryption.ONE_PASSPHRASE);
        vm.passphraseProperty().set("tiny");
        assertNull(vm.draft());
        assertTrue(vm.errorProperty().get().contains("10 to 80"));
        assertFalse(vm.errorProperty().get().contains("tiny"));
        vm.passphraseProperty().set("long enough now");
        assertEquals(new SrtSettings(null, 200, "long enough now", 16), vm.draft().srt());
    }

    @Test
    void perStreamRowsAndRelayUrlsAreCheckedOnAdd() {
        assertEquals("The stream key must be app/name, e.g. live/studio1.", vm.addPassphrase("studio", "0123456789"));
        assertTrue(vm.addPassphrase("live/a", "x".repeat(81)).contains("(it is 81)"));
        assertNull(vm.addPassphrase("live/a", "0123456789"));
        assertNull(vm.addPassphrase("live/a", "9876543210"), "the same key replaces its row");
        assertEquals(1, vm.passphrases().size());
        assertFalse(vm.passphrases().getFirst().toString().contains("9876543210"), "toString hides the passphrase");

        assertTrue(vm.addRelay("", "http://example/live").contains("rtmp://, rtmps:// or srt://"));
        assertTrue(vm.addRelay("", "srt://host").contains("port"), "an SRT URL without a port is refused");
        assertNull(vm.addRelay("", "srt://127.0.0.1:9000?passphrase=secret-secret"));
        assertNull(vm.addRelay("live/a", "rtmp://example/live/a"));
        assertEquals("That destination is already in the list.", vm.addRelay("live/a", "rtmp://example/live/a"));
        assertFalse(SettingsViewModel.shown("srt://127.0.0.1:9000?passphrase=secret-secret").contains("secret-secret"));
    }

    @Test
    void applySavesAndSaysWhatWaitsForARestart() throws Exception {
        vm.rtmpListenProperty().set("127.0.0.1:2935");
        vm.latencyProperty().set("300");
        assertNull(vm.addRelay(null, "rtmp://example/live"));
        vm.apply();
        EngineConfig saved = store.load();
        assertEquals("127.0.0.1:2935", saved.rtmp().listen());
        assertEquals(300, saved.srt().latencyMs());
        assertEquals(List.of(new RelaySettings.Destination(null, "rtmp://example/live")), saved.relay().destinations());
        assertEquals(List.of(saved), applied, "listener addresses are handed on at once");
        assertEquals("Saved. These take effect when the engine restarts: SRT latency, relays.", vm.restartNeededProperty().get());
        vm.restartEngine();
        assertEquals(List.of("restart"), engine.calls);
        assertNull(vm.restartNeededProperty().get());
    }

    @Test
    void onlyAddressesChangedNeedsNoRestart() {
        vm.srtListenProperty().set(":10081");
        vm.apply();
        assertNull(vm.restartNeededProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Saved to "));
    }
}
