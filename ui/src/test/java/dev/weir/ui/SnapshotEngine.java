package dev.weir.ui;

import dev.weir.engine.ListenerException;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.ui.engine.EngineControl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Test double: an engine that shows hand-built snapshots and records what the console asked of it. Test code
 * only; the product always runs on a real engine.
 */
public final class SnapshotEngine implements EngineControl {
    private final Supplier<EngineSnapshot> snapshots;
    public final List<String> calls = new ArrayList<>();

    public SnapshotEngine(Supplier<EngineSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    @Override public EngineSnapshot snapshot() { return snapshots.get(); }
    @Override public EngineConfig config() { return EngineConfig.DEFAULTS; }

    @Override
    public String startListener(Protocol protocol, String address) throws ListenerException {
        throw new ListenerException("not in this test");
    }

    @Override public synchronized void stopListener(String listenerId) { calls.add("stop " + listenerId); }
    @Override public synchronized void startRecording(String streamKey) { calls.add("record " + streamKey); }
    @Override public synchronized void stopRecording(String streamKey) { calls.add("stop recording " + streamKey); }
    @Override public synchronized boolean disconnect(String connectionId) { calls.add("disconnect " + connectionId); return true; }
    @Override public List<String> reloadAccessFiles() { return List.of(); }
    @Override public void restart(EngineConfig config) { calls.add("restart"); }
}
