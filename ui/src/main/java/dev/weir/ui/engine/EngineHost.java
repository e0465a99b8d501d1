package dev.weir.ui.engine;

import dev.weir.engine.ListenerException;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The console's engine: one {@link WeirEngine} at a time, built by a factory (the standard listeners), replaced by
 * {@link #restart} when a setting changes that the engine only reads at start. Owns the engine: {@link #close()}
 * closes it.
 */
public final class EngineHost implements EngineControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineHost.class);

    private final Function<EngineConfig, WeirEngine> factory;
    private volatile WeirEngine engine;

    public EngineHost(Function<EngineConfig, WeirEngine> factory, EngineConfig config) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.engine = factory.apply(config);
    }

    /** The engine now (it changes on {@link #restart}). */
    public WeirEngine engine() {
        return engine;
    }

    @Override
    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    @Override
    public EngineConfig config() {
        return engine.config();
    }

    @Override
    public String startListener(Protocol protocol, String address) throws ListenerException {
        return engine.startListener(protocol, address);
    }

    @Override
    public void stopListener(String listenerId) {
        engine.stopListener(listenerId);
    }

    @Override
    public void startRecording(String streamKey) {
        engine.startRecording(streamKey);
    }

    @Override
    public void stopRecording(String streamKey) {
        engine.stopRecording(streamKey);
    }

    @Override
    public boolean disconnect(String connectionId) {
        return engine.disconnect(connectionId);
    }

    @Override
    public List<String> reloadAccessFiles() {
        return engine.reloadAccessFiles();
    }

    @Override
    public synchronized void restart(EngineConfig config) throws ListenerException {
        WeirEngine old = engine;
        List<ListenerSnapshot> running = new ArrayList<>();
        for (ListenerSnapshot l : old.listenerSnapshots()) {
            if (l.state() == ListenerSnapshot.ListenerState.RUNNING) running.add(l);
        }
        WeirEngine fresh = factory.apply(config);   // throws before anything stops when the config cannot start
        old.close();
        engine = fresh;
        log.info("engine restarted with the new settings; restarting {} listeners", running.size());
        ListenerException first = null;
        for (ListenerSnapshot l : running) {
            try {
                fresh.startListener(l.protocol(), l.address());
            } catch (ListenerException e) {
                log.warn("{} listener on {} did not come back after the restart: {}", l.protocol(), l.address(), e.getMessage());
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public void close() {
        engine.close();
    }
}
