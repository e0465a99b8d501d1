package dev.weir.engine.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one door protocol sessions go through: asks the {@link AccessPolicy}, counts the outcome by action and
 * reason (for {@code /metrics}), logs refusals with their context (never the token) and tells the
 * {@link RejectionListener}.
 *
 * <p>RTMP, on {@code publish}/{@code play}:
 * <pre>{@code
 * RtmpStreamName name = RtmpStreamName.parse(app, publishName);
 * access.check(new AccessRequest(PUBLISH, Protocol.RTMP, name.streamKey(), name.token(), remote, connId))
 *       .thenAccept(d -> { if (d instanceof AccessDecision.Denied no) sendStatusAndClose(no.reason().rtmpStatusCode(PUBLISH), no.reason().description()); else startPublish(); });
 * }</pre>
 * SRT, in the listener's handshake: parse the stream id with {@link SrtStreamId#parse}, on a
 * {@link SrtStreamId.InvalidStreamIdException} reject with its reason's {@code srtRejectCode()} (and
 * {@link #recordRejection}), else {@code check(...)} and reject with {@code reason.srtRejectCode()} when denied.
 */
public final class AccessControl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);

    private final AccessPolicy policy;
    private final RejectionListener listener;
    private final Map<AccessAction, LongAdder> allowed = new EnumMap<>(AccessAction.class);
    private final Map<AccessAction, Map<DenyReason, LongAdder>> denied = new EnumMap<>(AccessAction.class);
    private final RefusalLog refusals;

    public AccessControl(AccessPolicy policy, RejectionListener listener) {
        this(policy, listener, RefusalLog.warnTo(log));
    }

    /** @param refusals where refusals are written (rate-limited per protocol, reason and host); closed with this */
    public AccessControl(AccessPolicy policy, RejectionListener listener, RefusalLog refusals) {
        this.policy = policy;
        this.refusals = refusals;
        this.listener = listener == null ? RejectionListener.NONE : listener;
        for (AccessAction a : AccessAction.values()) {
            allowed.put(a, new LongAdder());
            Map<DenyReason, LongAdder> byReason = new EnumMap<>(DenyReason.class);
            for (DenyReason r : DenyReason.values()) byReason.put(r, new LongAdder());
            denied.put(a, byReason);
        }
    }

    /** Decides {@code request}. The future never fails; a policy that throws is a denial as {@link DenyReason#INTERNAL_ERROR}. */
    public CompletableFuture<AccessDecision> check(AccessRequest request) {
        CompletableFuture<AccessDecision> decision;
        try {
            decision = policy.decide(request);
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        return decision.handle((d, error) -> {
            AccessDecision result = d;
            if (error != null || d == null) {
                log.error("access policy '{}' failed on {}", policy.mode(), request, error);
                result = AccessDecision.deny(DenyReason.INTERNAL_ERROR, "access policy failed");
            }
            if (result instanceof AccessDecision.Denied no) {
                record(request, no);
            } else {
                allowed.get(request.action()).increment();
            }
            return result;
        });
    }

    /**
     * Counts, logs and reports a refusal the protocol code decided itself (a malformed SRT stream id, an
     * unsupported mode), so every refusal shows in the same counters.
     */
    public void recordRejection(AccessRequest request, AccessDecision.Denied no) {
        record(request, no);
    }

    private void record(AccessRequest request, AccessDecision.Denied no) {
        denied.get(request.action()).get(no.reason()).increment();
        refusals.refused(request.protocol().name(), no.reason().label(), request.remoteAddress(),
                "%s %s refused for %s from %s (%s): %s (%s)".formatted(request.protocol(), request.action().wireName(),
                        request.streamKey(), request.remoteAddress(), request.connectionId(), no.reason().label(), no.detail()));
        try {
            listener.rejected(request, no);
        } catch (RuntimeException e) {
            log.warn("rejection listener failed for {}", request, e);
        }
    }

    /** Requests allowed since start, by action. */
    public long allowedCount(AccessAction action) {
        return allowed.get(action).sum();
    }

    /** Requests refused since start for {@code action} and {@code reason}. */
    public long rejectedCount(AccessAction action, DenyReason reason) {
        return denied.get(action).get(reason).sum();
    }

    /** The rate-limited refusal log, shared with the protocol code's own refusals (SRT 1409, 1404, wrong passphrase). */
    public RefusalLog refusals() {
        return refusals;
    }

    public AccessPolicy policy() {
        return policy;
    }

    @Override
    public void close() {
        policy.close();
        refusals.close();
    }
}
