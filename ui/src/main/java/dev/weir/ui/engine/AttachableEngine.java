package dev.weir.ui.engine;

import dev.weir.engine.ListenerException;
import dev.weir.engine.api.RemoteStatsSource;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The engine as the console sees it: the local engine, or — while attached — a remote {@code weir server} watched
 * through its API. Snapshots come from whichever is shown; every call that changes something goes to the local
 * engine and is refused with {@link ReadOnlyEngineException} while attached (the console also disables those
 * buttons: this is the guard behind them). The local engine keeps running while attached; its configuration is
 * what the settings screen edits.
 *
 * <p>{@link #snapshot()} never blocks: the remote is polled on {@link RemoteStatsSource}'s own thread. Owns the
 * remote source it attached (closed on detach and {@link #close()}); does not own the local engine.
 */
public final class AttachableEngine implements EngineControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttachableEngine.class);
    /** How long one poll of the remote may take before it counts as failed. */
    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(2);

    /** The remote being watched. */
    public record Remote(RemoteAddress address, RemoteStatsSource source) {}

    private final EngineControl local;
    private final Duration pollInterval;
    private volatile Remote remote;

    /** @param pollInterval how often the remote is asked (the console's refresh rate) */
    public AttachableEngine(EngineControl local, Duration pollInterval) {
        this.local = Objects.requireNonNull(local, "local");
        this.pollInterval = pollInterval;
    }

    /** Starts watching {@code address} instead of the local engine (detaching from any other remote first). */
    public synchronized void attach(RemoteAddress address) {
        detach();
        RemoteStatsSource source = new RemoteStatsSource(address.base(), pollInterval, REMOTE_TIMEOUT).start();
        remote = new Remote(address, source);
        log.info("console attached to {} (read-only); the local engine keeps running", address.base());
    }

    /** Shows the local engine again. */
    public synchronized void detach() {
        Remote r = remote;
        if (r == null) return;
        remote = null;
        r.source().close();
        log.info("console detached from {}", r.address().base());
    }

    /** The remote being watched, {@code null} when the local engine is shown. */
    public Remote remote() {
        return remote;
    }

    public EngineControl local() {
        return local;
    }

    @Override
    public EngineSnapshot snapshot() {
        Remote r = remote;
        return r != null ? r.source().snapshot() : local.snapshot();
    }

    @Override
    public EngineConfig config() {
        return local.config();
    }

    @Override
    public String startListener(Protocol protocol, String address) throws ListenerException {
        return writable().startListener(protocol, address);
    }

    @Override
    public void stopListener(String listenerId) {
        writable().stopListener(listenerId);
    }

    @Override
    public void startRecording(String streamKey) {
        writable().startRecording(streamKey);
    }

    @Override
    public void stopRecording(String streamKey) {
        writable().stopRecording(streamKey);
    }

    @Override
    public boolean disconnect(String connectionId) {
        return writable().disconnect(connectionId);
    }

    @Override
    public List<String> reloadAccessFiles() {
        return writable().reloadAccessFiles();
    }

    @Override
    public void restart(EngineConfig config) throws ListenerException {
        writable().restart(config);
    }

    private EngineControl writable() {
        Remote r = remote;
        if (r != null) throw new ReadOnlyEngineException(r.address().label());
        return local;
    }

    /** Stops watching the remote; the local engine stays open (its owner closes it). */
    @Override
    public void close() {
        detach();
    }
}
