package dev.weir.engine.rtmp.server;

import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.AccessDecision;
import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.auth.RelayPath;
import dev.weir.engine.auth.AccessRequest;
import dev.weir.engine.auth.RtmpStreamName;
import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.config.Limits;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamBusyException;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.handshake.HandshakeDigest;
import dev.weir.engine.rtmp.handshake.HandshakeException;
import dev.weir.engine.rtmp.handshake.ServerHandshake;
import dev.weir.engine.rtmp.message.AggregateMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.DataMessages;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted RTMP connection, run on its own virtual thread: handshake, then read messages and act on them
 * (control messages, commands, media for a publisher). A player additionally gets a {@link PlayerPump} thread
 * that writes what the hub sends it. Anything malformed or over a limit closes this connection only, with a
 * log line naming the peer and stream.
 */
final class RtmpConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RtmpConnection.class);

    /** Window we ask the peer to acknowledge, and the bandwidth we allow it: nginx-rtmp's defaults. */
    static final long SERVER_WINDOW = 2_500_000;
    /** Player connections are checked this often for a stalled writer while they send nothing. */
    static final int SOCKET_TICK_MILLIS = 1000;
    /**
     * Read buffer per connection: 8 KiB (two of a publisher's 4 KiB chunks per system call) rather than 64 KiB,
     * because every player has one too and players send next to nothing; 200 players saved 11 MiB of heap.
     */
    static final int INPUT_BUFFER = 8 * 1024;

    private final Socket socket;
    private final RtmpSettings settings;
    private final Limits limits;
    private final StreamHub hub;
    private final ConnectionCounters counters;
    private final Runnable onClosed;
    private final SessionServices services;
    private final Runnable onRefused;
    private final String remote;
    private final long acceptedNanos = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String closeReason;

    private PatientInputStream input;
    private ConnectionOutput out;
    private String connectApp = "";   // as the client sent it, query (token) included: never logged
    private RelayPath relayPath = RelayPath.NONE;   // the weir relays this publisher's stream came through
    private String app;               // without the query
    private volatile String streamKeyText;
    private int nextStreamId = 1;
    private long peerWindow;          // 0 until the peer sends Window Acknowledgement Size
    private long acknowledgedAt;
    private long bytesBeforeChunks;   // handshake bytes, counted in acknowledgements

    private Publication publication;
    private int publishStreamId;
    private volatile Subscription subscription;
    private volatile PlayerPump pump;
    private int playStreamId;

    RtmpConnection(Socket socket, RtmpSettings settings, Limits limits, StreamHub hub, ConnectionCounters counters,
                   Runnable onClosed) {
        this(socket, settings, limits, hub, counters, onClosed, SessionServices.OPEN, () -> { });
    }

    /**
     * @param services  access control (asked on publish/play) and hooks (told of starts and stops)
     * @param onRefused counts a publish/play refused by access control in the listener's {@code rejected}
     */
    RtmpConnection(Socket socket, RtmpSettings settings, Limits limits, StreamHub hub, ConnectionCounters counters,
                   Runnable onClosed, SessionServices services, Runnable onRefused) {
        this.services = services;
        this.onRefused = onRefused;
        this.socket = socket;
        this.settings = settings;
        this.limits = limits;
        this.hub = hub;
        this.counters = counters;
        this.onClosed = onClosed;
        this.remote = counters.remoteAddress();
    }

    @Override
    public void run() {
        String reason = "connection ended";
        try {
            socket.setTcpNoDelay(true);
            if (socket instanceof SSLSocket tls) {
                // RTMPS: the TLS handshake first, on this thread, within the RTMP handshake's time limit.
                tls.setSoTimeout((int) Math.max(1, limits.handshakeTimeout().toMillis()));
                try {
                    tls.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new HandshakeException("TLS handshake not finished within " + describe(limits.handshakeTimeout()));
                }
            }
            socket.setSoTimeout((int) Math.min(SOCKET_TICK_MILLIS, Math.max(1, limits.handshakeTimeout().toMillis())));
            input = new PatientInputStream(socket.getInputStream(), counters, this::handshakeQuiet);
            InputStream buffered = new BufferedInputStream(input, INPUT_BUFFER);
            out = new ConnectionOutput(socket, counters, limits.idleTimeout());
            handshake(buffered);
            counters.state(State.CONNECTED);
            input.policy(this::sessionQuiet);
            ChunkReader reader = new ChunkReader(buffered, limits.maxIncomingChunkSize(), limits.maxMessageSize(),
                    limits.maxChunkStreams());
            while (!closed.get()) {
                RtmpMessage message = reader.readMessage();
                acknowledge(reader.bytesRead());
                handle(message);
            }
        } catch (EOFException e) {
            reason = "peer closed the connection";
        } catch (SocketException e) {
            // reset or broken pipe: the peer went away (ffmpeg resets the socket when it quits)
            reason = closed.get() ? "closed" : "peer went away (" + e.getMessage() + ")";
        } catch (IOException e) {
            reason = e.getMessage();
            if (!closed.get()) {
                log.warn("rtmp {} {} {}: closing: {}", counters.id(), remote, keyForLog(), reason);
            }
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            log.error("rtmp {} {} {}: closing after an internal error", counters.id(), remote, keyForLog(), e);
        } finally {
            close(reason);
            release();
        }
    }

    // ---- handshake and timeouts

    private void handshake(InputStream in) throws IOException {
        byte[] c0c1 = in.readNBytes(ServerHandshake.C0C1_SIZE);
        if (c0c1.length < ServerHandshake.C0C1_SIZE) {
            throw new EOFException("peer closed during the handshake");
        }
        int uptime = (int) ((System.nanoTime() - acceptedNanos) / 1_000_000);
        ServerHandshake.Response response = ServerHandshake.respond(c0c1, uptime, ThreadLocalRandom.current());
        socket.getOutputStream().write(response.s0s1s2());
        socket.getOutputStream().flush();
        counters.addBytesOut(response.s0s1s2().length);
        byte[] c2 = in.readNBytes(HandshakeDigest.PACKET_SIZE);
        if (c2.length < HandshakeDigest.PACKET_SIZE) {
            throw new EOFException("peer closed during the handshake");
        }
        bytesBeforeChunks = ServerHandshake.C0C1_SIZE + HandshakeDigest.PACKET_SIZE;
        log.debug("rtmp {} {}: {} handshake done", counters.id(), remote, response.kind());
    }

    private void handshakeQuiet(long lastReadNanos) throws IOException {
        if (System.nanoTime() - acceptedNanos > limits.handshakeTimeout().toNanos()) {
            throw new HandshakeException("handshake not finished within " + describe(limits.handshakeTimeout()));
        }
    }

    /**
     * A quiet tick after the handshake. A player may stay silent for as long as it likes (it only listens), but
     * a player whose socket write has been blocked for the idle timeout is gone; anyone else silent for the idle
     * timeout is closed.
     */
    private void sessionQuiet(long lastReadNanos) throws IOException {
        long now = System.nanoTime();
        long idle = limits.idleTimeout().toNanos();
        if (out.stalledNanos(now) > idle) {
            throw new IOException("peer has not read anything for " + describe(limits.idleTimeout()));
        }
        if (subscription == null && now - lastReadNanos > idle) {
            throw new IOException("idle: nothing received for " + describe(limits.idleTimeout()));
        }
    }

    private static String describe(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Sends an Acknowledgement each time the peer's window's worth of bytes has arrived (spec 5.4.3). */
    private void acknowledge(long chunkBytesRead) throws IOException {
        long total = bytesBeforeChunks + chunkBytesRead;
        if (peerWindow > 0 && total - acknowledgedAt >= peerWindow) {
            acknowledgedAt = total;
            out.send(new ProtocolControl.Acknowledgement(total & 0xFFFFFFFFL).toMessage());
        }
    }

    // ---- messages

    private void handle(RtmpMessage message) throws IOException {
        switch (message.typeId()) {
            case MessageTypes.SET_CHUNK_SIZE, MessageTypes.ABORT, MessageTypes.ACKNOWLEDGEMENT,
                 MessageTypes.SET_PEER_BANDWIDTH -> { } // chunk size and abort are applied by the reader
            case MessageTypes.WINDOW_ACK_SIZE -> {
                if (decodeControl(message) instanceof ProtocolControl.WindowAckSize(long size)) {
                    peerWindow = size;
                }
            }
            case MessageTypes.USER_CONTROL -> handleUserControl(message);
            case MessageTypes.COMMAND_AMF0, MessageTypes.COMMAND_AMF3 -> handleCommand(Command.decode(message), message.streamId());
            case MessageTypes.DATA_AMF0 -> handleData(message, message.payload());
            case MessageTypes.DATA_AMF3 -> handleData(message, Arrays.copyOfRange(message.payload(),
                    Math.min(1, message.length()), message.length()));
            case MessageTypes.AUDIO -> publishMedia(message, MediaMessage.Kind.AUDIO);
            case MessageTypes.VIDEO -> publishMedia(message, MediaMessage.Kind.VIDEO);
            case MessageTypes.AGGREGATE -> {
                for (RtmpMessage part : AggregateMessage.split(message)) {
                    if (part.typeId() != MessageTypes.AGGREGATE) { // an aggregate inside an aggregate is nonsense
                        handle(part);
                    }
                }
            }
            default -> log.debug("rtmp {} {}: ignoring message type {}", counters.id(), remote, message.typeId());
        }
    }

    private ProtocolControl decodeControl(RtmpMessage message) throws IOException {
        try {
            return ProtocolControl.decode(message.typeId(), message.payload());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private void handleUserControl(RtmpMessage message) throws IOException {
        UserControl event;
        try {
            event = UserControl.decode(message.payload());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        if (event instanceof UserControl.PingRequest(long timestamp)) {
            out.send(new UserControl.PingResponse(timestamp).toMessage());
        }
    }

    private void handleCommand(Command command, int streamId) throws IOException {
        switch (command.name()) {
            case "connect" -> connect(command);
            case "releaseStream" -> reply(CommandReplies.emptyResult(command.transactionId()));
            case "FCPublish" -> {
                reply(CommandReplies.onFCPublish(withoutQuery(command.stringArgument(0))));
                reply(CommandReplies.emptyResult(command.transactionId()));
            }
            case "FCUnpublish" -> {
                reply(CommandReplies.onFCUnpublish(withoutQuery(command.stringArgument(0))));
                reply(CommandReplies.emptyResult(command.transactionId()));
                stopPublishing();
            }
            case "createStream" -> reply(CommandReplies.createStreamResult(command.transactionId(), nextStreamId++));
            case "publish" -> publish(command, streamId);
            case "play" -> play(command, streamId);
            case "deleteStream" -> {
                int id = command.argument(0) instanceof Number n ? n.intValue() : streamId;
                stopStream(id);
            }
            case "closeStream" -> stopStream(streamId);
            case "_result", "_error", "onStatus", "onBWDone" -> { } // answers to nothing we asked: ignored
            default -> {
                log.debug("rtmp {} {}: unknown command {}", counters.id(), remote, command.name());
                reply(CommandReplies.unknownCommand(command.transactionId(), command.name()));
            }
        }
    }

    private void connect(Command command) throws IOException {
        connectApp = command.property("app") instanceof String s ? s : "";
        app = RtmpStreamName.parse(connectApp, "").app(); // without a query: it may carry a token
        relayPath = RelayPath.parse(command.property(RelayPath.RTMP_CONNECT_PROPERTY) instanceof String p ? p : null);
        double objectEncoding = command.property("objectEncoding") instanceof Number n ? n.doubleValue() : 0;
        out.send(new ProtocolControl.WindowAckSize(SERVER_WINDOW).toMessage());
        out.send(new ProtocolControl.SetPeerBandwidth(SERVER_WINDOW, ProtocolControl.SetPeerBandwidth.DYNAMIC).toMessage());
        out.changeChunkSize(settings.chunkSize());
        reply(CommandReplies.connectResult(command.transactionId(), objectEncoding));
        log.debug("rtmp {} {}: connected to app '{}'", counters.id(), remote, app);
    }

    private void publish(Command command, int streamId) throws IOException {
        StreamKey key = keyOf(command.stringArgument(0));
        if (key == null || publication != null || subscription != null) {
            String name = withoutQuery(command.stringArgument(0));
            String why = key == null ? "'" + name + "' in app '" + app + "' is not a valid stream name"
                    : "this connection already publishes or plays";
            streamReply(streamId, CommandReplies.publishBadName(name, "is refused: " + why));
            return;
        }
        // A loop is refused before access control is asked, so the request counts once, as refused.
        if (loops(key, streamId) || !admitted(AccessAction.PUBLISH, command.stringArgument(0), streamId)) {
            return;
        }
        PeerInfo peer = new PeerInfo(counters.id(), counters.protocol(), remote);
        try {
            publication = hub.publish(key, peer);
        } catch (StreamBusyException e) {
            log.info("rtmp {} {} {}: refused publish: the stream already has a publisher", counters.id(), remote, key);
            streamReply(streamId, CommandReplies.publishBadName(key.toString(), "is already being published"));
            return;
        }
        services.relayLoops().admitted(key.toString(), relayPath);
        publishStreamId = streamId;
        streamKeyText = key.toString();
        counters.streamKey(streamKeyText);
        counters.role(Role.PUBLISHER);
        counters.state(State.PUBLISHING);
        streamReply(streamId, CommandReplies.publishStart(key.toString()));
        log.info("rtmp {} {} {}: publishing", counters.id(), remote, key);
        fire(HookEventType.PUBLISH_START);
    }

    private void play(Command command, int streamId) throws IOException {
        StreamKey key = keyOf(command.stringArgument(0));
        if (key == null || publication != null || subscription != null) {
            String why = key == null ? "'" + withoutQuery(command.stringArgument(0)) + "' in app '" + app
                    + "' is not a valid stream name" : "this connection already publishes or plays";
            streamReply(streamId, CommandReplies.onStatus(CommandReplies.LEVEL_ERROR, CommandReplies.PLAY_STREAM_NOT_FOUND, why));
            return;
        }
        if (!admitted(AccessAction.PLAY, command.stringArgument(0), streamId)) {
            return;
        }
        Subscription sub = hub.play(key, new PeerInfo(counters.id(), counters.protocol(), remote));
        playStreamId = streamId;
        streamKeyText = key.toString();
        counters.streamKey(streamKeyText);
        counters.role(Role.PLAYER);
        counters.state(State.PLAYING);
        out.send(new UserControl.StreamBegin(streamId).toMessage());
        streamReply(streamId, CommandReplies.playReset(key.toString()));
        streamReply(streamId, CommandReplies.playStart(key.toString()));
        out.send(new RtmpMessage(MessageTypes.CSID_DATA, MessageTypes.DATA_AMF0, streamId, 0, DataMessages.sampleAccess()));
        PlayerPump p = new PlayerPump(this, out, sub, streamId);
        pump = p;
        subscription = sub;
        Thread.ofVirtual().name("rtmp-play-" + counters.id()).start(p);
        log.info("rtmp {} {} {}: playing", counters.id(), remote, key);
        fire(HookEventType.PLAY_START);
    }

    /**
     * Asks access control whether this peer may publish or play {@code rawName} (its query may carry the token).
     * Waits on this connection's thread only, at most the callback timeout in callback mode. A refusal is answered
     * with an error {@code onStatus} (NetStream.Publish.Unauthorized, ...) and the connection is closed.
     */
    private boolean admitted(AccessAction action, String rawName, int streamId) throws IOException {
        RtmpStreamName name = RtmpStreamName.parse(connectApp, rawName);
        AccessRequest request = new AccessRequest(action, counters.protocol(), name.streamKey(), name.token(), remote,
                counters.id());
        AccessDecision decision = services.access().check(request).join();
        if (!(decision instanceof AccessDecision.Denied no)) {
            return true;
        }
        onRefused.run();
        streamReply(streamId, CommandReplies.onStatus(CommandReplies.LEVEL_ERROR, no.reason().rtmpStatusCode(action),
                no.reason().description()));
        closeAfterRefusal(action.wireName() + " refused: " + no.reason().label());
        return false;
    }

    /**
     * Refuses (counted, logged, {@code NetStream.Publish.Rejected}, closed) a relay publish that went round in a
     * loop or through too many relays; true when it did.
     */
    private boolean loops(StreamKey key, int streamId) throws IOException {
        String why = services.relayLoops().refusal(relayPath);
        if (why == null) return false;
        AccessDecision.Denied no = new AccessDecision.Denied(DenyReason.RELAY_LOOP, why + " (path " + relayPath + ")");
        services.access().recordRejection(new AccessRequest(AccessAction.PUBLISH, counters.protocol(), key.toString(),
                null, remote, counters.id()), no);
        onRefused.run();
        streamReply(streamId, CommandReplies.onStatus(CommandReplies.LEVEL_ERROR,
                DenyReason.RELAY_LOOP.rtmpStatusCode(AccessAction.PUBLISH), why));
        closeAfterRefusal("publish refused: " + DenyReason.RELAY_LOOP.label());
        return true;
    }

    /**
     * Closes after a refusal so that the peer reads the status first: FIN after the status, then whatever the
     * peer still sends (ffmpeg sends its first media before it reads the answer) is read and dropped until it
     * closes or two seconds pass. Closing with unread input would reset the connection, and the peer might then
     * never see why.
     */
    private void closeAfterRefusal(String reason) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(250);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (in.read(sink) < 0) break;
                } catch (SocketTimeoutException e) {
                    // keep waiting for the peer's close until the deadline
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // closing anyway (an SSLSocket cannot half-close: it closes below)
        }
        close(reason);
    }

    private void fire(HookEventType type) {
        services.fire(HookEvent.now(type, streamKeyText, counters.protocol(), remote, counters.id(), null));
    }

    /** {@code app/name} without the queries (tokens) either may carry; {@code null} when either part is empty. */
    private StreamKey keyOf(String streamName) {
        if (streamName == null || app == null) {
            return null;
        }
        RtmpStreamName parsed = RtmpStreamName.parse(connectApp, streamName);
        if (parsed.app().isEmpty() || parsed.name().isEmpty()) {
            return null;
        }
        return new StreamKey(parsed.app(), parsed.name());
    }

    /** A stream name as it may be shown back or logged: without its query. */
    private static String withoutQuery(String streamName) {
        return RtmpStreamName.parse("", String.valueOf(streamName)).name();
    }

    private void handleData(RtmpMessage message, byte[] amf0Body) throws IOException {
        if (publication == null || message.streamId() != publishStreamId) {
            return;
        }
        byte[] body = DataMessages.stripSetDataFrame(amf0Body);
        publication.send(new MediaMessage(MediaMessage.Kind.DATA, message.timestamp(), body));
    }

    private void publishMedia(RtmpMessage message, MediaMessage.Kind kind) {
        if (publication == null || message.streamId() != publishStreamId || message.length() == 0) {
            return; // media before publish, or after a refused publish: dropped
        }
        publication.send(new MediaMessage(kind, message.timestamp(), message.payload()));
    }

    private void stopStream(int streamId) {
        if (publication != null && streamId == publishStreamId) {
            stopPublishing();
        }
        if (subscription != null && streamId == playStreamId) {
            stopPlaying();
        }
    }

    private void stopPublishing() {
        Publication p = publication;
        if (p != null) {
            publication = null;
            p.close();
            counters.state(State.CONNECTED);
            log.info("rtmp {} {} {}: stopped publishing", counters.id(), remote, keyForLog());
            fire(HookEventType.PUBLISH_STOP);
        }
    }

    private void stopPlaying() {
        PlayerPump p = pump;
        Subscription s = subscription;
        if (p != null) {
            p.stop();
        }
        if (s != null) {
            s.close();
            fire(HookEventType.PLAY_STOP);
        }
        pump = null;
        subscription = null;
    }

    private void reply(Command command) throws IOException {
        out.send(command.toMessage(MessageTypes.CSID_COMMAND, 0));
    }

    private void streamReply(int streamId, Command status) throws IOException {
        out.send(status.toMessage(MessageTypes.CSID_DATA, streamId));
    }

    private String keyForLog() {
        String k = streamKeyText;
        return k == null ? "-" : k;
    }

    /**
     * Asks the connection to close: the socket closes now (unblocking its threads), and the reader thread then
     * releases the stream. Safe from any thread, more than once; the first reason is the one logged.
     */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeReason = reason;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Runs on the reader thread when it ends: the publication is only ever touched by this thread. */
    private void release() {
        stopPlaying();
        Publication p = publication;
        if (p != null) {
            publication = null;
            p.close();
            fire(HookEventType.PUBLISH_STOP);
        }
        counters.state(State.CLOSED);
        log.info("rtmp {} {} {}: closed: {}", counters.id(), remote, keyForLog(), closeReason);
        onClosed.run();
    }
}
