package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller side of the HSv5 handshake, I/O-free: it is given handshake packets and the time (µs on a monotonic
 * clock), and answers with {@link HandshakeAction}s.
 *
 * <pre>
 *  INDUCTION --(induction response: cookie)--> CONCLUSION --(conclusion response)--> CONNECTED
 *      |  resend induction on timer                |  resend conclusion on timer
 *      +--------------- connect timeout or rejection ----------------------------> FAILED
 * </pre>
 *
 * Requests are resent after 250 ms, then 500 ms, then every second, until the connect timeout: any single lost
 * packet (request or response) only delays the connection. The KMREQ is generated once, so every resent
 * conclusion carries the same keys.
 */
public final class CallerHandshake {

    public enum State { INDUCTION, CONCLUSION, CONNECTED, FAILED }

    static final long FIRST_RETRY_MICROS = 250_000;
    static final long MAX_RETRY_MICROS = 1_000_000;

    private final HandshakeConfig config;
    private final InetSocketAddress listener;
    private final int socketId;
    private final int initialSequenceNumber;
    private final long startMicros;
    private final StreamKeys keys;
    private final byte[] kmreq;
    private State state = State.INDUCTION;
    private int cookie;
    private long retryInterval = FIRST_RETRY_MICROS;
    private long nextSendMicros;

    /**
     * @param socketId              this side's socket id (non-zero, unique within the multiplexer)
     * @param initialSequenceNumber first data sequence number (31-bit, random in practice)
     */
    public CallerHandshake(HandshakeConfig config, InetSocketAddress listener, int socketId,
                           int initialSequenceNumber, SecureRandom random, long nowMicros) {
        this.config = config;
        this.listener = listener;
        this.socketId = socketId;
        this.initialSequenceNumber = initialSequenceNumber;
        this.startMicros = nowMicros;
        if (config.passphrase() != null) {
            this.keys = StreamKeys.generate(config.passphrase(), config.keyLength(), random);
            this.kmreq = keys.keyMaterial(KeyFlags.EVEN).encode();
        } else {
            this.keys = null;
            this.kmreq = null;
        }
    }

    public State state() {
        return state;
    }

    public int socketId() {
        return socketId;
    }

    /** The first induction request. */
    public List<HandshakeAction> start(long nowMicros) {
        return List.of(sendCurrent(nowMicros));
    }

    /** When {@link #onTimer} next wants to run; {@link Long#MAX_VALUE} once finished. */
    public long nextTimerMicros() {
        return state == State.INDUCTION || state == State.CONCLUSION
                ? Math.min(nextSendMicros, deadline()) : Long.MAX_VALUE;
    }

    public List<HandshakeAction> onTimer(long nowMicros) {
        if (state != State.INDUCTION && state != State.CONCLUSION) {
            return List.of();
        }
        if (nowMicros >= deadline()) {
            State phase = state;
            state = State.FAILED;
            return List.of(new HandshakeAction.Failed(RejectCode.of(RejectReason.TIMEOUT),
                    "no answer from " + listener + " within " + config.connectTimeout().toMillis() + " ms ("
                            + (phase == State.INDUCTION ? "induction" : "conclusion") + ")"));
        }
        if (nowMicros >= nextSendMicros) {
            return List.of(sendCurrent(nowMicros));
        }
        return List.of();
    }

    public List<HandshakeAction> onHandshake(HandshakePacket packet, long nowMicros) {
        if (packet.destinationSocketId() != socketId && packet.destinationSocketId() != 0) {
            return List.of();
        }
        if (state == State.INDUCTION && packet.handshakeType() == HandshakeType.INDUCTION) {
            if (packet.version() < 5) {
                state = State.FAILED;
                return List.of(new HandshakeAction.Failed(RejectCode.of(RejectReason.VERSION),
                        listener + " only speaks handshake v4 (SRT before 1.3), which Weir does not call"));
            }
            cookie = packet.synCookie();
            state = State.CONCLUSION;
            retryInterval = FIRST_RETRY_MICROS;
            return List.of(sendCurrent(nowMicros));
        }
        if (state != State.CONCLUSION) {
            return List.of();
        }
        if (HandshakeType.isRejection(packet.handshakeType())) {
            state = State.FAILED;
            RejectCode code = RejectCode.fromHandshakeType(packet.handshakeType());
            return List.of(new HandshakeAction.Failed(code, listener + " rejected the connection: " + code));
        }
        if (packet.handshakeType() != HandshakeType.CONCLUSION) {
            return List.of();
        }
        return conclude(packet, nowMicros);
    }

    private List<HandshakeAction> conclude(HandshakePacket response, long nowMicros) {
        ConclusionExtensions ext;
        try {
            ext = ConclusionExtensions.parse(response, true);
        } catch (MalformedPacketException e) {
            return fail(RejectReason.ROGUE, "malformed conclusion response from " + listener + ": " + e.getMessage());
        }
        if (response.version() != 5 || ext.srt() == null) {
            return fail(RejectReason.ROGUE, "conclusion response from " + listener + " lacks HSv5 HSRSP");
        }
        EncryptionNegotiation.InitiatorOutcome crypto =
                EncryptionNegotiation.conclude(config.enforcedEncryption(), kmreq, ext.kmrsp());
        if (crypto.reject() != null) {
            return fail(crypto.reject(), "encryption mismatch with " + listener + ": listener reports "
                    + crypto.state());
        }
        state = State.CONNECTED;
        SrtHandshakeExtension hsrsp = ext.srt();
        NegotiatedConnection connection = new NegotiatedConnection(5, socketId, response.socketId(), listener,
                initialSequenceNumber, Math.min(config.mss(), response.mss()), response.flowWindow(),
                Math.max(config.receiveLatencyMs(), hsrsp.senderDelayMs()),
                Math.max(config.peerLatencyMs(), hsrsp.receiverDelayMs()), hsrsp.srtVersion(), hsrsp.flags(),
                config.streamId() == null ? "" : config.streamId(), crypto.state(),
                crypto.state() == KmState.SECURED ? keys : null, nowMicros);
        return List.of(new HandshakeAction.Connected(connection));
    }

    private List<HandshakeAction> fail(RejectReason reason, String detail) {
        state = State.FAILED;
        return List.of(new HandshakeAction.Failed(RejectCode.of(reason), detail));
    }

    private long deadline() {
        return startMicros + config.connectTimeout().toNanos() / 1000;
    }

    private HandshakeAction sendCurrent(long nowMicros) {
        nextSendMicros = nowMicros + retryInterval;
        retryInterval = Math.min(retryInterval * 2, MAX_RETRY_MICROS);
        return new HandshakeAction.Send(state == State.INDUCTION ? induction(nowMicros) : conclusion(nowMicros),
                listener);
    }

    private HandshakePacket induction(long nowMicros) {
        return new HandshakePacket(4, 0, ExtensionFlags.UDT_DGRAM, initialSequenceNumber, config.mss(),
                config.flowWindow(), HandshakeType.INDUCTION, socketId, 0,
                PeerAddressField.encode(listener.getAddress()), List.of(), timestamp(nowMicros), 0);
    }

    private HandshakePacket conclusion(long nowMicros) {
        List<HandshakeExtensionBlock> blocks = new ArrayList<>();
        int flags = ExtensionFlags.HSREQ;
        blocks.add(new SrtHandshakeExtension(SrtHandshakeExtension.WEIR_SRT_VERSION, SrtFlags.WEIR_LIVE,
                config.receiveLatencyMs(), config.peerLatencyMs()).toBlock(HandshakeExtensionBlock.HSREQ));
        if (kmreq != null) {
            flags |= ExtensionFlags.KMREQ;
            blocks.add(new HandshakeExtensionBlock(HandshakeExtensionBlock.KMREQ, kmreq));
        }
        if (config.streamId() != null && !config.streamId().isEmpty()) {
            flags |= ExtensionFlags.CONFIG;
            blocks.add(new HandshakeExtensionBlock(HandshakeExtensionBlock.SID,
                    WordSwappedString.encode(config.streamId(), WordSwappedString.MAX_STREAM_ID_BYTES)));
        }
        int encryption = keys == null ? 0 : keys.keyLength().handshakeField();
        return new HandshakePacket(5, encryption, flags, initialSequenceNumber, config.mss(), config.flowWindow(),
                HandshakeType.CONCLUSION, socketId, cookie, PeerAddressField.encode(listener.getAddress()), blocks,
                timestamp(nowMicros), 0);
    }

    private int timestamp(long nowMicros) {
        return (int) (nowMicros - startMicros);
    }
}
