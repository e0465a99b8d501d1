package dev.weir.ui.engine;

import dev.weir.engine.ListenerException;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StatsSource;

import java.util.List;

/**
 * What the console asks of the engine. {@link #snapshot()} never blocks; every other call may (binding, closing
 * files, restarting), so view models call them off the FX thread only.
 */
public interface EngineControl extends StatsSource {

    /** The configuration the running engine was built with. */
    EngineConfig config();

    /** Starts a listener; returns its id as in {@code ListenerSnapshot.id}. */
    String startListener(Protocol protocol, String address) throws ListenerException;

    /** Stops a listener; unknown ids are ignored. */
    void stopListener(String listenerId);

    void startRecording(String streamKey);

    /** Returns once the file is finalized. */
    void stopRecording(String streamKey);

    /** Closes one connection; false when there is no such connection. */
    boolean disconnect(String connectionId);

    /** Re-reads the SRT passphrase file (and auth file); one line per file saying what changed. */
    List<String> reloadAccessFiles();

    /**
     * Rebuilds the engine with {@code config} for the settings that only take effect at start (latency, chunk
     * size, passphrase mode, relays, record-all): the running listeners are stopped and started again on the same
     * addresses, so publishers must reconnect.
     */
    void restart(EngineConfig config) throws ListenerException;
}
