package dev.weir.engine.srt.server;

import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.AccessDecision;
import dev.weir.engine.auth.AccessRequest;
import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.auth.RelayLoopGuard;
import dev.weir.engine.auth.RelayPath;
import dev.weir.engine.auth.SrtPassphraseTable;
import dev.weir.engine.auth.SrtStreamId;
import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides at the SRT handshake whether a caller may publish or play, from its stream id
 * ({@link SrtStreamId}: {@code publish:live/test}, {@code #!::r=live/test,m=publish}; anything else plays), in
 * this order:
 *
 * <ol>
 *   <li>a stream id Weir cannot understand is refused with its {@link DenyReason}'s code (1400, 1405, 1415);</li>
 *   <li>a relay publish that went round in a loop or through too many relays ({@link RelayLoopGuard}) with 1508;</li>
 *   <li>access control ({@code -auth-mode}) is asked with the stream key and the token of the stream id; a refusal
 *       is answered with the reason's code (1401, 1403, 1500);</li>
 *   <li>a publish on a key that already has a publisher (over either protocol) is refused with 1409
 *       SRT_REJX_CONFLICT; a play of a key nobody publishes with 1404 SRT_REJX_NOTFOUND, so the caller hears why
 *       instead of sitting on an empty connection;</li>
 *   <li>with a passphrase file, the connection is accepted with that stream's passphrase; a stream not in the file
 *       is refused with 1403 SRT_REJX_FORBIDDEN.</li>
 * </ol>
 *
 * <p>Runs on the multiplexer's receive thread, which must never block. Token and file modes answer at once. The
 * callback mode's HTTP call does not: the first conclusion starts the check and is answered with
 * {@link AcceptDecision#pending()} (the listener sends nothing); the caller repeats its conclusion (libsrt every
 * 250 ms until its connect timeout, 3 s by default) and the repeat that finds the check finished gets the answer.
 * So a callback slower than the caller's connect timeout makes the caller give up: keep
 * {@code -auth-callback-timeout} under it, or have callers raise {@code connect_timeout}. Checks nobody came
 * back for are forgotten after {@value #PENDING_FORGET_SECONDS} s.
 *
 * <p>Two publishers racing for one key can both pass here; the hub then refuses the second and its session closes.
 */
final class SrtStreamAccess implements AcceptPolicy {
    private static final Logger log = LoggerFactory.getLogger(SrtStreamAccess.class);
    static final int PENDING_FORGET_SECONDS = 30;

    private final StreamHub hub;
    private final TsFeeds feeds;
    private final AccessControl access;
    private final RelayLoopGuard loops;
    private final SrtPassphraseTable passphrases;
    private final LongSupplier nanoTime;
    private final AtomicLong rejected = new AtomicLong();
    private final Map<PendingKey, Pending> pending = new ConcurrentHashMap<>();

    private record PendingKey(InetSocketAddress peer, String streamId) {}

    private record Pending(CompletableFuture<AccessDecision> decision, long startedNanos) {}

    SrtStreamAccess(StreamHub hub, TsFeeds feeds) {
        this(hub, feeds, SessionServices.OPEN, System::nanoTime);
    }

    SrtStreamAccess(StreamHub hub, TsFeeds feeds, SessionServices services, LongSupplier nanoTime) {
        this.hub = hub;
        this.feeds = feeds;
        this.access = services.access();
        this.loops = services.relayLoops();
        this.passphrases = services.srtPassphrases();
        this.nanoTime = nanoTime;
    }

    @Override
    public AcceptDecision decide(ConnectionRequest request) {
        SrtStreamId id;
        StreamKey key;
        try {
            id = SrtStreamId.parse(request.streamId());
            key = StreamKey.parse(id.resource());
        } catch (SrtStreamId.InvalidStreamIdException e) {
            recordMalformed(request, e.reason(), e.getMessage());
            return rejectLogged(request, e.reason().srtRejectCode(), e.getMessage());
        } catch (IllegalArgumentException e) {
            recordMalformed(request, DenyReason.BAD_REQUEST, "stream key: " + e.getMessage());
            return rejectLogged(request, DenyReason.SRT_REJX_BAD_REQUEST, "stream key: " + e.getMessage());
        }
        RelayPath relayPath = id.mode() == SrtStreamId.Mode.PUBLISH ? RelayPath.fromSrtStreamId(request.streamId()) : RelayPath.NONE;
        String loop = loops.refusal(relayPath);
        if (loop != null) {
            access.recordRejection(new AccessRequest(dev.weir.engine.auth.AccessAction.PUBLISH, Protocol.SRT,
                    key.toString(), null, describe(request.peer()), null),
                    new AccessDecision.Denied(DenyReason.RELAY_LOOP, loop + " (path " + relayPath + ")"));
            return rejectLogged(request, DenyReason.RELAY_LOOP.srtRejectCode(), loop);
        }
        forgetAbandoned();
        PendingKey pendingKey = new PendingKey(request.peer(), request.streamId());
        Pending check = pending.computeIfAbsent(pendingKey, k -> new Pending(access.check(new AccessRequest(id.action(),
                Protocol.SRT, key.toString(), id.token(), describe(request.peer()), null)), nanoTime.getAsLong()));
        if (!check.decision().isDone()) {
            return AcceptDecision.pending();
        }
        pending.remove(pendingKey);
        if (check.decision().join() instanceof AccessDecision.Denied no) {
            return rejectLogged(request, no.reason().srtRejectCode(), no.reason().label());
        }
        if (id.mode() == SrtStreamId.Mode.PUBLISH) {
            if (hub.isPublished(key) || feeds.current(key) != null) {
                return reject(request, DenyReason.SRT_REJX_CONFLICT, key + " already has a publisher");
            }
        } else if (!hub.isPublished(key)) {
            return reject(request, DenyReason.SRT_REJX_NOTFOUND, "nobody publishes " + key);
        }
        if (passphrases != null) {
            Optional<String> passphrase = passphrases.passphraseFor(key.toString());
            if (passphrase.isEmpty()) {
                return reject(request, DenyReason.SRT_REJX_FORBIDDEN, key + " is not in the SRT passphrase file");
            }
            admitted(id, key, relayPath);
            return AcceptDecision.acceptWithPassphrase(Passphrase.of(passphrase.get()));
        }
        admitted(id, key, relayPath);
        return AcceptDecision.accept();
    }

    /** An accepted publisher's relay path is passed on by this engine's relays of its stream. */
    private void admitted(SrtStreamId id, StreamKey key, RelayPath relayPath) {
        if (id.mode() == SrtStreamId.Mode.PUBLISH) loops.admitted(key.toString(), relayPath);
    }

    private void recordMalformed(ConnectionRequest request, DenyReason reason, String detail) {
        access.recordRejection(new AccessRequest(dev.weir.engine.auth.AccessAction.PUBLISH, Protocol.SRT,
                ConnectionRequest.redactStreamId(request.streamId()), null, describe(request.peer()), null),
                new AccessDecision.Denied(reason, detail));
    }

    /** Drops checks whose caller gave up before coming back for the answer. */
    private void forgetAbandoned() {
        long limit = nanoTime.getAsLong() - PENDING_FORGET_SECONDS * 1_000_000_000L;
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            if (it.next().startedNanos() - limit < 0) it.remove();
        }
    }

    /** Checks started and not yet collected (for tests). */
    int pendingChecks() {
        return pending.size();
    }

    private static String describe(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Refuses for a reason of its own (1409, 1404, not in the passphrase file): counted and logged here. */
    private AcceptDecision reject(ConnectionRequest request, int code, String why) {
        rejected.incrementAndGet();
        access.refusals().refused("SRT", "reject " + code, describe(request.peer()),
                "srt %s '%s': refused (reject code %d): %s".formatted(describe(request.peer()), request.streamIdForLog(), code, why));
        return AcceptDecision.reject(new RejectCode(code));
    }

    /** Refuses what access control already counted and logged. */
    private AcceptDecision rejectLogged(ConnectionRequest request, int code, String why) {
        rejected.incrementAndGet();
        log.debug("srt {} '{}': refused (reject code {}): {}", request.peer(), request.streamIdForLog(), code, why);
        return AcceptDecision.reject(new RejectCode(code));
    }

    /** A wrong or missing passphrase, or options Weir does not serve: refused by the handshake itself. */
    @Override
    public void protocolRejected(InetSocketAddress peer, RejectCode code, String why) {
        String reason = code.internalReason() != null ? code.internalReason().name() : "reject " + code.value();
        access.refusals().refused("SRT", reason, describe(peer),
                "srt %s: handshake refused, reject %s: %s".formatted(describe(peer), code, why));
    }

    long rejected() {
        return rejected.get();
    }
}
