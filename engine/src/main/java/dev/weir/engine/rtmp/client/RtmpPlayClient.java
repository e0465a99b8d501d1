package dev.weir.engine.rtmp.client;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.AggregateMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.UserControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RTMP client that plays one stream, as ffmpeg does when it reads {@code rtmp://host/app/name}: TCP (or TLS for
 * {@code rtmps://}), the client handshake, {@code connect} to the app (with the URL's {@code tcUrl}),
 * {@code createStream} — that far is {@link #connect} — then {@link #play}: {@code play} of the stream name (its
 * query, where a token goes, passed on unchanged) and a 3 s buffer length, waiting for
 * {@code NetStream.Play.Start} or the server's refusal. Then {@link #next} hands out the audio, video and data
 * messages and any later status, one at a time, on the caller's thread.
 *
 * <p>The connection itself (socket, handshake, chunking, connect, createStream, pings, acknowledgements) is
 * {@link RtmpClientSession}, shared with {@link RtmpPublishClient}.
 */
public final class RtmpPlayClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtmpPlayClient.class);
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;
    /** What ffmpeg (and Flash Player 9 on Linux before it) says it is when it plays. */
    static final String FLASH_VER = "LNX 9,0,124,2";
    /** {@code play}'s start argument as ffmpeg sends it by default: -2000, live if there is one, else recorded. */
    static final double PLAY_START_ANY = -2000;
    /** Buffer length announced after play, as ffmpeg does (its default, 3 s). */
    static final long BUFFER_MILLIS = 3000;
    private static final double CREATE_STREAM_TRANSACTION = 2;

    /** What {@link #next} hands out. */
    public sealed interface Incoming {
        /** An audio, video or data ({@code onMetaData}) message of the played stream. */
        record Media(MediaMessage message) implements Incoming {}
        /** An {@code onStatus} on the played stream after play started (UnpublishNotify, Play.Stop, errors). */
        record Status(RtmpStatus status) implements Incoming {}
    }

    private final RtmpTarget target;
    private final RtmpClientSession session;
    private final ArrayDeque<Incoming> pending = new ArrayDeque<>();
    private RtmpStatus connected = new RtmpStatus(null, null, null);
    private String serverVersion;
    private int streamId;
    private volatile boolean closed;

    RtmpPlayClient(RtmpTarget target, InputStream rawIn, OutputStream rawOut, Closeable socket) throws IOException {
        this.target = target;
        this.session = new RtmpClientSession(target, "server", rawIn, rawOut, socket, MAX_MESSAGE);
    }

    /**
     * Connects: TCP or TLS, handshake, {@code connect}, {@code createStream}.
     *
     * @param timeout for the TCP connect and for each answer; later reads ({@link #next}) wait 1 s at most
     * @throws RtmpRefusedException when the server answers {@code connect} with {@code _error}
     *                              ({@code NetConnection.Connect.Rejected} ...)
     * @throws IOException          with an operator sentence: cannot connect, TLS failed, no answer in time,
     *                              the server closed the connection
     */
    public static RtmpPlayClient connect(RtmpTarget target, Duration timeout) throws IOException {
        return RtmpClientSession.connect(target, timeout, socket -> {
            RtmpPlayClient client = new RtmpPlayClient(target, socket.getInputStream(), socket.getOutputStream(), socket);
            client.setUp();
            return client;
        });
    }

    /** Connect and createStream over streams: for tests and fuzzing of how the client reads a server's answers. */
    static RtmpPlayClient setUpOver(RtmpTarget target, InputStream in, OutputStream out) throws IOException {
        RtmpPlayClient client = new RtmpPlayClient(target, in, out, () -> { });
        client.setUp();
        return client;
    }

    private void setUp() throws IOException {
        Map<String, Object> player = new LinkedHashMap<>();
        player.put("fpad", false);
        player.put("capabilities", 15.0);
        player.put("audioCodecs", 4071.0);
        player.put("videoCodecs", 252.0);
        player.put("videoFunction", 1.0);
        Command result = session.connect(4096, FLASH_VER, player);
        connected = RtmpStatus.of(result);
        if (result.commandObject() instanceof Map<?, ?> properties && properties.get("fmsVer") != null) {
            serverVersion = String.valueOf(properties.get("fmsVer"));
        }
        streamId = session.createStream(CREATE_STREAM_TRANSACTION);
    }

    /** The status in the server's answer to {@code connect} (normally NetConnection.Connect.Success). */
    public RtmpStatus connectStatus() {
        return connected;
    }

    /** What the server said it is ({@code fmsVer}: {@code FMS/3,0,1,123} for nginx-rtmp and Weir), or {@code null}. */
    public String serverVersion() {
        return serverVersion;
    }

    /**
     * Plays the target's stream and waits for {@code NetStream.Play.Start}; statuses before it
     * ({@code NetStream.Play.Reset}) are passed over, media that comes first is kept for {@link #next}.
     *
     * @return the start status
     * @throws RtmpRefusedException on an error status ({@code NetStream.Play.StreamNotFound},
     *                              {@code NetStream.Play.Unauthorized}, ...)
     * @throws SocketTimeoutException when the server says nothing for the connect timeout
     */
    public RtmpStatus play(Duration timeout) throws IOException {
        session.send(Command.of("play", 0, null, target.streamName(), PLAY_START_ANY)
                .toMessage(MessageTypes.CSID_DATA, streamId));
        session.send(new UserControl.SetBufferLength(streamId, BUFFER_MILLIS).toMessage());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Incoming in;
            try {
                in = readOne();
            } catch (SocketTimeoutException tick) {
                if (System.nanoTime() > deadline) throw tick;
                continue;
            } catch (java.io.EOFException e) {
                throw new java.io.EOFException("server closed the connection without answering play");
            }
            if (in == null) continue;
            if (in instanceof Incoming.Status(RtmpStatus s)) {
                if (s.isError()) throw new RtmpRefusedException("server", "play", s);
                if ("NetStream.Play.Start".equals(s.code())) return s;
            } else {
                pending.add(in);
            }
        }
    }

    /**
     * The next media message or status of the played stream.
     *
     * @return {@code null} when nothing came for a second (a tick: the caller can look at the clock)
     * @throws java.io.EOFException when the server closed the connection
     */
    public Incoming next() throws IOException {
        Incoming queued = pending.poll();
        if (queued != null) return queued;
        try {
            return readOne();
        } catch (SocketTimeoutException tick) {
            return null;
        }
    }

    /** Reads one message: media and status of our stream come back, anything else gives {@code null}. */
    private Incoming readOne() throws IOException {
        RtmpMessage m = session.read();
        switch (m.typeId()) {
            case MessageTypes.AUDIO -> {
                return media(MediaMessage.Kind.AUDIO, m, m.payload());
            }
            case MessageTypes.VIDEO -> {
                return media(MediaMessage.Kind.VIDEO, m, m.payload());
            }
            case MessageTypes.DATA_AMF0 -> {
                return media(MediaMessage.Kind.DATA, m, m.payload());
            }
            case MessageTypes.DATA_AMF3 -> {
                return media(MediaMessage.Kind.DATA, m, Arrays.copyOfRange(m.payload(), Math.min(1, m.length()), m.length()));
            }
            case MessageTypes.AGGREGATE -> {
                for (RtmpMessage part : AggregateMessage.split(m)) {
                    if (part.typeId() == MessageTypes.AUDIO) pending.add(media(MediaMessage.Kind.AUDIO, part, part.payload()));
                    if (part.typeId() == MessageTypes.VIDEO) pending.add(media(MediaMessage.Kind.VIDEO, part, part.payload()));
                    if (part.typeId() == MessageTypes.DATA_AMF0) pending.add(media(MediaMessage.Kind.DATA, part, part.payload()));
                }
                return pending.poll();
            }
            default -> {
                if (RtmpClientSession.isCommand(m)) {
                    Command c = Command.decode(m);
                    if (c.name().equals("onStatus")) return new Incoming.Status(RtmpStatus.of(c));
                }
                return null;
            }
        }
    }

    private static Incoming media(MediaMessage.Kind kind, RtmpMessage m, byte[] body) {
        return new Incoming.Media(new MediaMessage(kind, m.timestamp(), body));
    }

    /** Socket bytes read so far, handshake included. */
    public long bytesRead() {
        return session.bytesRead();
    }

    public RtmpTarget target() {
        return target;
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Ends the session: {@code deleteStream} when the connection is free within half a second (so the server
     * drops the player at once), then closes the socket. Safe from any thread, more than once.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (streamId != 0) {
            session.sendIfFree(Duration.ofMillis(500),
                    Command.of("deleteStream", 3, null, streamId).toMessage(MessageTypes.CSID_COMMAND, 0));
        }
        session.close();
        log.debug("play client to {} closed", target);
    }
}
