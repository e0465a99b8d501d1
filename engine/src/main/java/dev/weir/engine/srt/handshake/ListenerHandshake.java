package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener side of the handshake, I/O-free (given packets, source addresses and the time in µs; answers with
 * {@link HandshakeAction}s). One instance serves every caller of one listening socket.
 *
 * <ul>
 *   <li>Induction: answered statelessly with a {@link SynCookies SYN cookie}, version 5 and the HSv5 magic.</li>
 *   <li>Conclusion with a valid cookie: checked (HSREQ present, live mode, congestion "live", no packet filter or
 *       group), offered to the {@link AcceptPolicy}, encryption negotiated, answered with HSRSP (+ KMRSP), and a
 *       {@link HandshakeAction.Connected} is emitted. A conclusion with an invalid cookie is dropped silently.</li>
 *   <li>The same caller (address + socket id) repeating its conclusion because our answer was lost gets the very
 *       same answer again, and no second connection. Rejections are repeated the same way. Answers are remembered
 *       for {@link #ANSWER_MEMORY_MICROS} or until {@link #forget}.</li>
 *   <li>HSv4 callers (SRT before 1.3) are accepted: their conclusion has no extensions; the SRT settings (latency,
 *       keys) follow after the connection in UMSG_EXT packets, which the connection layer must answer.</li>
 * </ul>
 */
public final class ListenerHandshake {
    private final java.util.concurrent.atomic.AtomicLong protocolRejections = new java.util.concurrent.atomic.AtomicLong();

    private static final Logger LOG = LoggerFactory.getLogger(ListenerHandshake.class);

    /** How long a conclusion answer is kept for a repeating caller. */
    public static final long ANSWER_MEMORY_MICROS = 30_000_000L;
    private static final int MAX_REMEMBERED = 4096;

    private record CallerKey(InetSocketAddress peer, int socketId) {
    }

    private record Answer(HandshakePacket packet, long createdMicros) {
    }

    private final HandshakeConfig config;
    private final AcceptPolicy policy;
    private final SynCookies cookies;
    private final IntSupplier socketIds;
    private final long startMicros;
    private final Map<CallerKey, Answer> answers = new LinkedHashMap<>();

    /**
     * @param socketIds supplies a fresh, unused local socket id per accepted connection (the multiplexer's job)
     */
    public ListenerHandshake(HandshakeConfig config, AcceptPolicy policy, SynCookies cookies, IntSupplier socketIds,
                             long startMicros) {
        this.config = Objects.requireNonNull(config, "config");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.socketIds = Objects.requireNonNull(socketIds, "socketIds");
        this.startMicros = startMicros;
    }

    public List<HandshakeAction> onHandshake(HandshakePacket packet, InetSocketAddress from, long nowMicros) {
        expire(nowMicros);
        if (packet.handshakeType() == HandshakeType.INDUCTION) {
            return List.of(new HandshakeAction.Send(inductionResponse(packet, from, nowMicros), from));
        }
        if (packet.handshakeType() != HandshakeType.CONCLUSION) {
            return List.of();   // agreement/wave-a-hand (rendezvous) and stray rejections: not for a listener
        }
        if (!cookies.isValid(packet.synCookie(), from, nowMicros)) {
            LOG.debug("SRT conclusion from {} with a stale or forged SYN cookie; dropped", from);
            return List.of();
        }
        CallerKey key = new CallerKey(from, packet.socketId());
        Answer previous = answers.get(key);
        if (previous != null) {
            LOG.debug("SRT conclusion from {} repeated; answering again", from);
            return List.of(new HandshakeAction.Send(previous.packet(), from));
        }
        List<HandshakeAction> actions = conclude(packet, from, nowMicros);
        for (HandshakeAction a : actions) {
            if (a instanceof HandshakeAction.Send send) {
                remember(key, send.packet(), nowMicros);
            }
        }
        return actions;
    }

    /** Forgets a caller's remembered answer (its connection closed). */
    public void forget(InetSocketAddress peer, int peerSocketId) {
        answers.remove(new CallerKey(peer, peerSocketId));
    }

    /** Number of remembered answers (for stats and tests). */
    public int rememberedAnswers() {
        return answers.size();
    }

    private void remember(CallerKey key, HandshakePacket answer, long nowMicros) {
        answers.put(key, new Answer(answer, nowMicros));
        if (answers.size() > MAX_REMEMBERED) {
            Iterator<CallerKey> oldest = answers.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private void expire(long nowMicros) {
        Iterator<Answer> it = answers.values().iterator();
        while (it.hasNext()) {
            if (nowMicros - it.next().createdMicros() < ANSWER_MEMORY_MICROS) {
                break;   // insertion order = age order
            }
            it.remove();
        }
    }

    private HandshakePacket inductionResponse(HandshakePacket request, InetSocketAddress from, long nowMicros) {
        int encryption = config.passphrase() == null ? 0 : config.keyLength().handshakeField();
        return new HandshakePacket(5, encryption, ExtensionFlags.HSV5_MAGIC, request.initialSequenceNumber(),
                config.mss(), config.flowWindow(), HandshakeType.INDUCTION, request.socketId(),
                cookies.cookie(from, nowMicros), PeerAddressField.encode(from.getAddress()), List.of(),
                timestamp(nowMicros), request.socketId());
    }

    private List<HandshakeAction> conclude(HandshakePacket request, InetSocketAddress from, long nowMicros) {
        if (request.version() == 4) {
            return concludeV4(request, from, nowMicros);
        }
        if (request.version() != 5) {
            return reject(request, from, RejectCode.of(RejectReason.VERSION), nowMicros,
                    "handshake version " + request.version());
        }
        ConclusionExtensions ext;
        try {
            ext = ConclusionExtensions.parse(request, false);
        } catch (MalformedPacketException e) {
            return reject(request, from, RejectCode.of(RejectReason.ROGUE), nowMicros, e.getMessage());
        }
        if (ext.srt() == null) {
            return reject(request, from, RejectCode.of(RejectReason.ROGUE), nowMicros, "no HSREQ");
        }
        if (ext.srt().has(SrtFlags.STREAM)) {
            return reject(request, from, RejectCode.of(RejectReason.MESSAGEAPI), nowMicros,
                    "caller uses the stream (file) API; Weir serves live (message) mode only");
        }
        if (!ConclusionExtensions.LIVE_CONGESTION.equals(ext.congestion())) {
            return reject(request, from, RejectCode.of(RejectReason.CONGESTION), nowMicros,
                    "congestion control '" + ext.congestion() + "', only 'live' is supported");
        }
        if (ext.hasFilter()) {
            return reject(request, from, RejectCode.of(RejectReason.FILTER), nowMicros, "packet filter requested");
        }
        if (ext.hasGroup()) {
            return reject(request, from, RejectCode.of(RejectReason.GROUP), nowMicros, "bonding group requested");
        }
        ConnectionRequest connectionRequest = new ConnectionRequest(from, ext.streamId(), 5, ext.srt().srtVersion(),
                ext.kmreq() != null);
        Passphrase passphrase = config.passphrase();
        switch (policy.decide(connectionRequest)) {
            case AcceptDecision.Pending p -> {
                LOG.debug("SRT conclusion from {}: the application has not decided yet; waiting for the repeat", from);
                return List.of();
            }
            case AcceptDecision.Reject r -> {
                return reject(request, from, r.code(), nowMicros, "by the application");
            }
            case AcceptDecision.Accept a -> {
                if (a.passphraseOverride() != null) {
                    passphrase = a.passphraseOverride();
                }
            }
        }
        EncryptionNegotiation.ResponderOutcome crypto =
                EncryptionNegotiation.respond(passphrase, config.enforcedEncryption(), ext.kmreq());
        if (crypto.reject() != null) {
            return reject(request, from, RejectCode.of(crypto.reject()), nowMicros, "encryption: " + crypto.state());
        }

        SrtHandshakeExtension hsreq = ext.srt();
        int receiveLatency = Math.max(config.receiveLatencyMs(), hsreq.senderDelayMs());
        int sendLatency = Math.max(config.peerLatencyMs(), hsreq.receiverDelayMs());
        int localSocketId = socketIds.getAsInt();
        int mss = Math.min(config.mss(), request.mss());

        List<HandshakeExtensionBlock> blocks = new ArrayList<>();
        int flags = ExtensionFlags.HSREQ;
        blocks.add(new SrtHandshakeExtension(SrtHandshakeExtension.WEIR_SRT_VERSION, SrtFlags.WEIR_LIVE,
                receiveLatency, sendLatency).toBlock(HandshakeExtensionBlock.HSRSP));
        if (crypto.kmrsp() != null) {
            flags |= ExtensionFlags.KMREQ;
            blocks.add(new HandshakeExtensionBlock(HandshakeExtensionBlock.KMRSP, crypto.kmrsp()));
        }
        int encryption = crypto.keys() == null ? 0 : crypto.keys().keyLength().handshakeField();
        HandshakePacket response = new HandshakePacket(5, encryption, flags, request.initialSequenceNumber(), mss,
                config.flowWindow(), HandshakeType.CONCLUSION, localSocketId, request.synCookie(),
                PeerAddressField.encode(from.getAddress()), blocks, timestamp(nowMicros), request.socketId());
        NegotiatedConnection connection = new NegotiatedConnection(5, localSocketId, request.socketId(), from,
                request.initialSequenceNumber(), mss, request.flowWindow(), receiveLatency, sendLatency,
                hsreq.srtVersion(), hsreq.flags(), ext.streamId(), crypto.state(), crypto.keys(), nowMicros);
        LOG.debug("SRT connection from {} accepted: stream id '{}', latency {}/{} ms, encryption {}", from,
                connectionRequest.streamIdForLog(), receiveLatency, sendLatency, crypto.state());
        return List.of(new HandshakeAction.Send(response, from), new HandshakeAction.Connected(connection));
    }

    private List<HandshakeAction> concludeV4(HandshakePacket request, InetSocketAddress from, long nowMicros) {
        ConnectionRequest connectionRequest = new ConnectionRequest(from, "", 4, 0, false);
        AcceptDecision decision = policy.decide(connectionRequest);
        if (decision instanceof AcceptDecision.Pending) {
            return List.of();
        }
        if (decision instanceof AcceptDecision.Reject r) {
            return reject(request, from, r.code(), nowMicros, "by the application");
        }
        int localSocketId = socketIds.getAsInt();
        int mss = Math.min(config.mss(), request.mss());
        HandshakePacket response = new HandshakePacket(4, 0, ExtensionFlags.UDT_DGRAM,
                request.initialSequenceNumber(), mss, config.flowWindow(), HandshakeType.CONCLUSION, localSocketId,
                request.synCookie(), PeerAddressField.encode(from.getAddress()), List.of(), timestamp(nowMicros),
                request.socketId());
        NegotiatedConnection connection = new NegotiatedConnection(4, localSocketId, request.socketId(), from,
                request.initialSequenceNumber(), mss, request.flowWindow(), config.receiveLatencyMs(),
                config.peerLatencyMs(), 0, 0, "", KmState.UNSECURED, null, nowMicros);
        LOG.debug("SRT HSv4 connection from {} accepted; SRT settings follow in UMSG_EXT", from);
        return List.of(new HandshakeAction.Send(response, from), new HandshakeAction.Connected(connection));
    }

    /**
     * Callers refused by the handshake itself (wrong passphrase, version, unsupported options); refusals the
     * application decided ({@code AcceptPolicy}) are counted by the application.
     */
    public long protocolRejections() {
        return protocolRejections.get();
    }

    private List<HandshakeAction> reject(HandshakePacket request, InetSocketAddress from, RejectCode code,
                                         long nowMicros, String why) {
        if (!"by the application".equals(why)) {
            protocolRejections.incrementAndGet();
            policy.protocolRejected(from, code, why);
        }
        LOG.debug("SRT connection from {} rejected with {}: {}", from, code, why);
        HandshakePacket response = new HandshakePacket(request.version(), 0, 0, request.initialSequenceNumber(),
                config.mss(), config.flowWindow(), code.toHandshakeType(), 0, request.synCookie(),
                PeerAddressField.encode(from.getAddress()), List.of(), timestamp(nowMicros), request.socketId());
        return List.of(new HandshakeAction.Send(response, from));
    }

    private int timestamp(long nowMicros) {
        return (int) (nowMicros - startMicros);
    }
}
