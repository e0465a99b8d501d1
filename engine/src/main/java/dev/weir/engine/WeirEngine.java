package dev.weir.engine;

import dev.weir.engine.auth.AccessConfigException;
import dev.weir.engine.auth.SrtPassphraseTable;
import dev.weir.engine.auth.TableChange;
import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.ops.OpsServices;
import dev.weir.engine.ops.RecordingHooks;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.relay.Relays;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.tls.ServerTls;
import dev.weir.engine.tls.TlsSetupException;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.ListenAddress;
import dev.weir.engine.hub.GopCacheLimits;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.record.Recordings;
import dev.weir.engine.bridge.TsFeed;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StatsSampler;
import dev.weir.engine.stats.StatsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The engine as its callers (console, {@code weir server}, tests) see it: start and stop listeners, read
 * snapshots, close. Owns the hub, the connection registry, the listeners and the stats sampler; closing it stops
 * them all.
 *
 * <p>Listeners come from {@link ListenerFactory}s registered per protocol, so the engine knows no protocol
 * classes. It keeps every listener it was asked for, running or not, with its state (RUNNING, STOPPED, FAILED)
 * and the last error in operator words, so the console can show "port 1935 is already in use" next to it and
 * offer a restart.
 */
public final class WeirEngine implements StatsSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WeirEngine.class);

    private final EngineConfig config;
    private final InMemoryStreamHub hub;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final StatsSampler sampler;
    private final Map<Protocol, ListenerFactory> factories;
    private final ListenerContext context;
    private final TsFeeds tsFeeds = new TsFeeds();
    private final Recordings recordings;
    private final OpsServices ops;
    private final SrtPassphraseTable srtPassphrases;
    private final RecordingHooks recordingHooks;
    private final Relays relays;

    private final Object listenerLock = new Object();
    private final Map<String, ManagedListener> listeners = new LinkedHashMap<>(); // guarded by listenerLock
    private boolean closed;                                                       // guarded by listenerLock

    /** An engine without protocol listeners (they are added with {@link Builder#listenerFactory}), sampling at 4 Hz. */
    public WeirEngine(EngineConfig config) {
        this(builder(config));
    }

    /**
     * @throws EngineStartException when a service the configuration asks for cannot start (auth or passphrase
     *                              file, certificate, metrics address, hook script); nothing is left running
     */
    private WeirEngine(Builder b) {
        this.config = b.config;
        this.hub = new InMemoryStreamHub(config.limits(), b.gopLimits, b.nanoTime);
        this.factories = new EnumMap<>(b.factories);
        this.recordings = new Recordings(hub, tsFeeds, Path.of(config.recording().dir()), b.wallClock);
        this.sampler = new StatsSampler(hub, connections, this::listenerSnapshots, b.nanoTime, b.wallClock);
        ServerTls tls = null;
        SrtPassphraseTable passphrases = null;
        try {
            if (config.tls().enabled()) tls = ServerTls.load(Path.of(config.tls().cert()), Path.of(config.tls().key()));
            if (config.srt().passphraseFile() != null) passphrases = SrtPassphraseTable.load(Path.of(config.srt().passphraseFile()));
        } catch (TlsSetupException | AccessConfigException e) {
            recordings.close();
            sampler.close();
            throw new EngineStartException(e.getMessage(), e);
        }
        this.srtPassphrases = passphrases;
        try {
            this.ops = OpsServices.start(config.auth(), config.hooks(), config.metrics(), this, b.stdout);
        } catch (AccessConfigException | ListenerException | RuntimeException e) {
            recordings.close();
            sampler.close();
            String what = e instanceof ListenerException ? "metrics: " : "";
            throw new EngineStartException(what + e.getMessage(), e);
        }
        SessionServices services = new SessionServices(ops.access(), ops.hooks(), passphrases, tls);
        this.context = new ListenerContext(hub, connections, config, b.nanoTime, tsFeeds, services);
        this.recordingHooks = new RecordingHooks(services, key -> recordings.snapshot(StreamKey.parse(key)));
        this.relays = new Relays(hub, connections, tsFeeds, config.relay(), services, b.nanoTime);
        sampler.streamDetails(this::withIngestDetails);
        sampler.relays(relays::snapshots);
        sampler.onSample(recordingHooks::onSample);
        if (config.recording().recordAll()) recordings.recordAll();
        relays.start();
        if (b.samplePeriod != null) sampler.start(b.samplePeriod);
    }

    public static Builder builder(EngineConfig config) {
        return new Builder(config);
    }

    /** How to build an engine: listener factories per protocol, clocks, sampling. */
    public static final class Builder {
        private final EngineConfig config;
        private final Map<Protocol, ListenerFactory> factories = new EnumMap<>(Protocol.class);
        private GopCacheLimits gopLimits = GopCacheLimits.DEFAULTS;
        private LongSupplier nanoTime = System::nanoTime;
        private Clock wallClock = Clock.systemUTC();
        private Duration samplePeriod = StatsSampler.DEFAULT_PERIOD;
        private PrintStream stdout = System.out;

        private Builder(EngineConfig config) {
            this.config = config == null ? EngineConfig.DEFAULTS : config;
        }

        public Builder listenerFactory(Protocol protocol, ListenerFactory factory) {
            factories.put(protocol, factory);
            return this;
        }

        public Builder gopCacheLimits(GopCacheLimits limits) {
            this.gopLimits = limits;
            return this;
        }

        /** Clocks for rates and uptimes (monotonic nanos) and for snapshot times. Tests pass fakes. */
        public Builder clocks(LongSupplier nanoTime, Clock wallClock) {
            this.nanoTime = nanoTime;
            this.wallClock = wallClock;
            return this;
        }

        /** Sampling period of the stats thread, or {@code null} for none (tests call {@link #sampleStats()}). */
        public Builder samplePeriod(Duration period) {
            this.samplePeriod = period;
            return this;
        }

        /** Where the stdio hook ({@code -hook-stdio-format}) writes; the process's standard output by default. */
        public Builder stdout(PrintStream out) {
            this.stdout = out;
            return this;
        }

        public WeirEngine build() {
            return new WeirEngine(this);
        }
    }

    public EngineConfig config() {
        return config;
    }

    public StreamHub hub() {
        return hub;
    }

    public ConnectionRegistry connections() {
        return connections;
    }

    /** Access control, hooks and the metrics/API server the configuration asked for. */
    public OpsServices ops() {
        return ops;
    }

    /**
     * Closes the connection {@code connectionId} (as in {@code ConnectionSnapshot.id}), e.g. a player the operator
     * wants gone. Returns at once; the session ends on its own thread and leaves the next snapshot.
     *
     * @return false when no open connection has that id, or it cannot be closed from outside (relays stop with
     *         their configuration)
     */
    public boolean disconnect(String connectionId) {
        var counters = connections.find(connectionId);
        if (counters == null) return false;
        boolean closed = counters.close();
        if (closed) log.info("connection {} ({} {}) disconnected by the operator", connectionId,
                counters.protocol(), counters.remoteAddress());
        return closed;
    }

    /** The relays running now (also in {@link EngineSnapshot#relays()}). */
    public List<RelaySnapshot> relaySnapshots() {
        return relays.snapshots();
    }

    /**
     * Re-reads the files that may change while running (SIGHUP): the auth token file ({@code -auth-mode file}) and
     * the SRT passphrase file. Streams already admitted keep running; a file that fails to load keeps its previous
     * table in force.
     *
     * @return one line per reloaded file saying what changed, or why it failed
     */
    public List<String> reloadAccessFiles() {
        List<String> lines = new ArrayList<>();
        try {
            ops.reload().ifPresent(change -> lines.add("auth file " + config.auth().file() + " reloaded: " + change));
        } catch (AccessConfigException e) {
            lines.add("auth file reload failed, previous tokens stay in force: " + e.getMessage());
        }
        if (srtPassphrases != null) {
            try {
                TableChange change = srtPassphrases.reload();
                lines.add("SRT passphrase file " + srtPassphrases.path() + " reloaded: " + change);
            } catch (AccessConfigException e) {
                lines.add("SRT passphrase file reload failed, previous passphrases stay in force: " + e.getMessage());
            }
        }
        return lines;
    }

    /**
     * Starts an RTMP listener on {@code address} ({@code :1935}, {@code 127.0.0.1:0}, ...).
     *
     * @return the listener's id, as in {@code ListenerSnapshot.id}: {@code rtmp:HOST:PORT} with the bound port
     * @throws ListenerException with an operator-readable message (port in use, bad address, ...)
     */
    public String startRtmpListener(String address) throws ListenerException {
        return startListener(Protocol.RTMP, address);
    }

    /**
     * Starts an SRT listener on {@code address} ({@code :10080}); callers publish with the stream id
     * {@code publish:live/test} and play with {@code live/test}, the same keys as RTMP.
     *
     * @return the listener's id: {@code srt:HOST:PORT} with the bound port
     */
    public String startSrtListener(String address) throws ListenerException {
        return startListener(Protocol.SRT, address);
    }

    /**
     * Starts an RTMPS listener (RTMP over TLS) on {@code address} with the configured certificate
     * ({@code tls.cert}/{@code tls.key}, checked when the engine was built).
     *
     * @return the listener's id: {@code rtmps:HOST:PORT} with the bound port
     * @throws ListenerException also when no certificate is configured
     */
    public String startRtmpsListener(String address) throws ListenerException {
        if (context.services().tls() == null) {
            throw new ListenerException("RTMPS needs a certificate and key (-tls-cert, -tls-key)");
        }
        return startListener(Protocol.RTMPS, address);
    }

    /**
     * Starts recording {@code streamKey} ({@code live/test}) into the record directory: now if it is published,
     * else as soon as it is. The recording's state shows in {@link StreamSnapshot#recording()}.
     *
     * @throws IllegalArgumentException when the key is not of the form {@code app/name}
     */
    public void startRecording(String streamKey) {
        recordings.start(StreamKey.parse(streamKey));
    }

    /** Stops recording {@code streamKey} and finalizes its file; returns once the file is closed. */
    public void stopRecording(String streamKey) {
        recordings.stop(StreamKey.parse(streamKey));
    }

    /** The recording of {@code streamKey} now, or {@code null} when it was never recorded. */
    public RecordingSnapshot recording(String streamKey) {
        return recordings.snapshot(StreamKey.parse(streamKey));
    }

    private StreamSnapshot withIngestDetails(StreamSnapshot s) {
        StreamKey key;
        try {
            key = StreamKey.parse(s.key());
        } catch (IllegalArgumentException e) {
            return s;
        }
        TsFeed feed = tsFeeds.current(key);
        return s.withIngestDetails(feed == null ? 0 : feed.continuityErrors(), recordings.snapshot(key));
    }

    /**
     * Starts a listener of {@code protocol} on {@code address}. A failure leaves the listener in the list as
     * FAILED with the reason, and throws it.
     */
    public String startListener(Protocol protocol, String address) throws ListenerException {
        InetSocketAddress socketAddress;
        try {
            socketAddress = ListenAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new ListenerException(e.getMessage());
        }
        synchronized (listenerLock) {
            if (closed) throw new ListenerException("the engine is shut down");
            String id = Listener.idOf(protocol, socketAddress);
            ManagedListener entry = listeners.get(id);
            if (entry != null && entry.state == ListenerState.RUNNING) {
                if (entry.snapshot().state() != ListenerState.FAILED) {
                    throw new ListenerException(protocol + " is already listening on " + BindErrors.describe(socketAddress));
                }
                stop(entry); // it failed while running (its accept loop died): start it over
            }
            if (entry == null) {
                entry = new ManagedListener(id, protocol, socketAddress);
                listeners.put(id, entry);
            }
            start(entry);
            return entry.id;
        }
    }

    /** Starts a stopped or failed listener again with the address it was asked for. */
    public void restartListener(String listenerId) throws ListenerException {
        synchronized (listenerLock) {
            if (closed) throw new ListenerException("the engine is shut down");
            ManagedListener entry = listeners.get(listenerId);
            if (entry == null) throw new ListenerException("no listener " + listenerId);
            stop(entry);
            start(entry);
        }
    }

    /** Stops a listener and closes its connections; it stays listed as STOPPED. Unknown ids are ignored. */
    public void stopListener(String listenerId) {
        synchronized (listenerLock) {
            ManagedListener entry = listeners.get(listenerId);
            if (entry != null) stop(entry);
        }
    }

    /** Stops a listener and forgets it. Unknown ids are ignored. */
    public void removeListener(String listenerId) {
        synchronized (listenerLock) {
            ManagedListener entry = listeners.remove(listenerId);
            if (entry != null) stop(entry);
        }
    }

    private void start(ManagedListener entry) throws ListenerException {
        ListenerFactory factory = factories.get(entry.protocol);
        try {
            if (factory == null) {
                throw new ListenerException(entry.protocol + " listeners are not available in this build");
            }
            BindErrors.checkLocal(entry.address);
            Listener listener = factory.create(entry.address, context);
            try {
                listener.start();
                adoptBoundAddress(entry, listener);
            } catch (ListenerException | RuntimeException e) {
                listener.close();
                throw e;
            }
            entry.running = listener;
            entry.state = ListenerState.RUNNING;
            entry.lastError = null;
            log.info("{} listening on {}", entry.protocol, BindErrors.describe(entry.address));
        } catch (ListenerException e) {
            fail(entry, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            fail(entry, "could not start: " + e);
            throw new ListenerException(entry.lastError, e);
        }
    }

    /**
     * A listener asked for port 0 is known by the port it got: its entry takes the bound address and id, so
     * callers print a usable address and a restart binds the same port again.
     */
    private void adoptBoundAddress(ManagedListener entry, Listener listener) throws ListenerException {
        String boundId = listener.id();
        if (boundId.equals(entry.id)) return;
        ManagedListener other = listeners.get(boundId);
        if (other != null && other != entry && other.state == ListenerState.RUNNING) {
            throw new ListenerException(entry.protocol + " is already listening on " + BindErrors.describe(listener.boundAddress()));
        }
        listeners.remove(entry.id);
        entry.id = boundId;
        entry.address = listener.boundAddress();
        listeners.put(boundId, entry);
    }

    private static void fail(ManagedListener entry, String reason) {
        entry.running = null;
        entry.state = ListenerState.FAILED;
        entry.lastError = reason;
        log.warn("{} listener on {} failed: {}", entry.protocol, BindErrors.describe(entry.address), reason);
    }

    private static void stop(ManagedListener entry) {
        Listener running = entry.running;
        if (running != null) {
            try {
                entry.lastSeen = running.snapshot();
            } catch (RuntimeException e) {
                log.debug("snapshot of {} before stop failed", entry.id, e);
            }
            running.close();
            entry.running = null;
            log.info("{} stopped listening on {}", entry.protocol, BindErrors.describe(entry.address));
        }
        entry.state = ListenerState.STOPPED;
    }

    /** Every listener the engine was asked for, in the order they were first started. */
    public List<ListenerSnapshot> listenerSnapshots() {
        synchronized (listenerLock) {
            List<ListenerSnapshot> out = new ArrayList<>(listeners.size());
            for (ManagedListener entry : listeners.values()) {
                try {
                    out.add(entry.snapshot());
                } catch (RuntimeException e) {
                    log.warn("snapshot of listener {} failed", entry.id, e);
                }
            }
            return out;
        }
    }

    /** The latest snapshot taken by the sampler (4 times a second by default). */
    @Override
    public EngineSnapshot snapshot() {
        return sampler.snapshot();
    }

    /** Takes a snapshot now (tests, and callers that need one right after a change). */
    public EngineSnapshot sampleStats() {
        return sampler.sampleNow();
    }

    /**
     * Stops the relays and every listener, finalizes the recordings, stops the sampler, then the operator services
     * (metrics server, access control, hooks: queued hooks get a few seconds). Idempotent.
     */
    @Override
    public void close() {
        synchronized (listenerLock) {
            if (closed) return;
            closed = true;
        }
        relays.close();
        synchronized (listenerLock) {
            for (ManagedListener entry : listeners.values()) stop(entry);
        }
        recordings.close();
        sampler.close();
        ops.close();
    }
}
