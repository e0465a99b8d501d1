package dev.weir.engine.srt.server;

import dev.weir.engine.BindErrors;
import dev.weir.engine.Listener;
import dev.weir.engine.ListenerContext;
import dev.weir.engine.ListenerException;
import dev.weir.engine.auth.SrtStreamId;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtOptions;
import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.srt.socket.SrtListener;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's SRT listener: one UDP port ({@link SrtListener}) whose callers publish into the hub or play from it,
 * chosen by their stream id ({@link SrtStreamAccess} decides at the handshake). Keys are shared with RTMP:
 * {@code publish:live/test} over SRT plays at {@code rtmp://host/live/test}, and an RTMP publish on
 * {@code live/test} plays over SRT with {@code streamid=live/test}.
 *
 * <p>Threads (virtual, named): {@code srt-accept-PORT} takes accepted connections; each connection runs one
 * {@code srt-publish-srt-N} or {@code srt-play-srt-N} session. The multiplexer's own threads (in
 * {@code srt.socket}) do the protocol.
 */
public final class SrtServerListener implements Listener {
    private static final Logger log = LoggerFactory.getLogger(SrtServerListener.class);
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private final InetSocketAddress address;
    private final ListenerContext context;
    private final SrtSettings settings;
    private final SrtStreamAccess access;
    private final Set<SrtSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();

    private volatile SrtListener socket;
    private volatile long lastHandshakeRejections;
    private volatile ListenerState state = ListenerState.STOPPED;
    private volatile String lastError;
    private volatile boolean closing;
    private Thread acceptThread;

    public SrtServerListener(InetSocketAddress address, ListenerContext context) {
        this.address = address;
        this.context = context;
        this.settings = context.config().srt();
        this.access = new SrtStreamAccess(context.hub(), context.tsFeeds(), context.services(), context.nanoTime());
    }

    @Override
    public Protocol protocol() {
        return Protocol.SRT;
    }

    @Override
    public InetSocketAddress boundAddress() {
        SrtListener s = socket;
        return s == null ? address : s.localAddress();
    }

    /** The socket options every connection of this listener starts from. */
    SrtOptions options() {
        SrtOptions.Builder b = SrtOptions.builder().mode(SrtMode.LISTENER).latencyMs(settings.latencyMs());
        if (settings.passphrase() != null) b.passphrase(settings.passphrase()).keyLength(settings.pbkeylen());
        // With a passphrase file each stream's passphrase comes from the access policy; the key length applies.
        if (context.services().srtPassphrases() != null) b.keyLength(settings.pbkeylen());
        return b.build();
    }

    @Override
    public synchronized void start() throws ListenerException {
        if (socket != null) throw new IllegalStateException("SRT listener " + id() + " is already started");
        state = ListenerState.STARTING;
        try {
            socket = SrtListener.bind(address, options(), access);
        } catch (IOException e) {
            state = ListenerState.FAILED;
            ListenerException failure = BindErrors.bindFailed(address, e);
            lastError = failure.getMessage();
            throw failure;
        }
        state = ListenerState.RUNNING;
        context.services().relayLoops().listening(Protocol.SRT, boundAddress());   // relays to here are checked for loops
        acceptThread = Thread.ofVirtual().name("srt-accept-" + boundAddress().getPort()).start(this::acceptLoop);
    }

    private void acceptLoop() {
        SrtListener s = socket;
        while (!closing) {
            SrtConnection c;
            try {
                c = s.accept(0);
            } catch (IOException e) {
                if (!closing) {
                    lastError = "accept failed: " + e.getMessage();
                    state = ListenerState.FAILED;
                    log.warn("SRT listener {} stopped: {}", id(), e.getMessage());
                }
                return;
            }
            accepted.incrementAndGet();
            startSession(c);
        }
    }

    private void startSession(SrtConnection c) {
        String connectionId = "srt-" + CONNECTION_IDS.incrementAndGet();
        String remote = BindErrors.describe(c.peer());
        ConnectionCounters counters = new ConnectionCounters(connectionId, Protocol.SRT, id(), remote,
                context.nanoTime().getAsLong());
        counters.srtStats(() -> c.stats(false));
        counters.closer(c::close);
        SrtStreamId streamId;
        StreamKey key;
        try {
            streamId = SrtStreamId.parse(c.streamId());
            key = StreamKey.parse(streamId.resource());
        } catch (SrtStreamId.InvalidStreamIdException | IllegalArgumentException e) {
            // The policy accepted it, so this cannot happen unless the parsers disagree with themselves.
            log.warn("srt {} {}: closing: stream id not understood: {}", connectionId, remote, e.getMessage());
            c.close();
            return;
        }
        context.connections().register(counters);
        SrtSession session = streamId.mode() == SrtStreamId.Mode.PUBLISH
                ? new SrtPublisherSession(c, key, counters, context)
                : new SrtPlayerSession(c, key, counters, context);
        sessions.add(session);
        String name = (streamId.mode() == SrtStreamId.Mode.PUBLISH ? "srt-publish-" : "srt-play-") + connectionId;
        boolean publisher = streamId.mode() == SrtStreamId.Mode.PUBLISH;
        Thread.ofVirtual().name(name).start(() -> {
            fire(publisher ? HookEventType.PUBLISH_START : HookEventType.PLAY_START, key, counters);
            try {
                session.run();
            } catch (RuntimeException e) {
                log.error("srt {} {} {}: session failed", connectionId, remote, key, e);
            } finally {
                session.close();
                sessions.remove(session);
                context.connections().unregister(counters);
                fire(publisher ? HookEventType.PUBLISH_STOP : HookEventType.PLAY_STOP, key, counters);
            }
        });
    }

    private void fire(HookEventType type, StreamKey key, ConnectionCounters counters) {
        context.services().fire(HookEvent.now(type, key.toString(), Protocol.SRT, counters.remoteAddress(),
                counters.id(), null));
    }

    @Override
    public void close() {
        Thread accepting;
        synchronized (this) {
            if (closing) return;
            closing = true;
            accepting = acceptThread;
        }
        for (SrtSession s : List.copyOf(sessions)) s.close();
        SrtListener s = socket;
        if (s != null) {
            context.services().relayLoops().stopped(Protocol.SRT, s.localAddress());
            s.close();
        }
        if (accepting != null) {
            try {
                accepting.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != ListenerState.FAILED) state = ListenerState.STOPPED;
    }

    @Override
    public ListenerSnapshot snapshot() {
        return new ListenerSnapshot(id(), Protocol.SRT, BindErrors.describe(boundAddress()), state, lastError,
                sessions.size(), accepted.get(), access.rejected() + handshakeRejections());
    }

    /** Wrong passphrases and other handshake refusals, kept across a stop so the count does not go back. */
    private long handshakeRejections() {
        SrtListener s = socket;
        if (s != null) lastHandshakeRejections = s.rejectedHandshakes();
        return lastHandshakeRejections;
    }
}
