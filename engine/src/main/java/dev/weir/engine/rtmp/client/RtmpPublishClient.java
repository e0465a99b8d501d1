package dev.weir.engine.rtmp.client;

import dev.weir.engine.auth.RelayPath;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RTMP client that publishes one stream: TCP (or TLS for {@code rtmps://}), the client handshake, then
 * {@code connect}, {@code releaseStream}, {@code FCPublish}, {@code createStream}, {@code publish} as ffmpeg and
 * OBS send them, waiting for {@code NetStream.Publish.Start}. Then {@link #write} sends media on the publish stream
 * from the caller's thread, and a reader thread ({@code rtmp-client-read-ID}) answers pings, takes the server's
 * chunk size and notices the server ending the session.
 *
 * <p>A write that stays blocked for the stall limit (the destination stopped reading) is ended by the reader
 * thread closing the socket, so the caller's thread is never stuck for longer than that.
 *
 * <p>The connection itself (socket, handshake, chunking, connect, createStream) is {@link RtmpClientSession},
 * shared with {@link RtmpPlayClient}.
 */
public final class RtmpPublishClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtmpPublishClient.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_MESSAGE = 4 * 1024 * 1024;
    /** What the client says it is in {@code connect}, as Flash Media Live Encoder-style publishers do. */
    static final String FLASH_VER = "FMLE/3.0 (compatible; weir)";

    private final RtmpTarget target;
    private final RtmpClientSession session;
    private final Duration stallLimit;
    private final String id = "rtmp-client-" + IDS.incrementAndGet();
    private volatile long writeStartedNanos;   // 0 while no write is in progress
    private volatile boolean closed;
    private volatile String endReason;
    private int streamId;

    /** Over any pair of streams (tests and fuzzing drive the client with a scripted "server"). */
    RtmpPublishClient(RtmpTarget target, InputStream rawIn, OutputStream rawOut, Closeable socket, Duration stallLimit)
            throws IOException {
        this.target = target;
        this.stallLimit = stallLimit;
        this.session = new RtmpClientSession(target, "destination", rawIn, rawOut, socket, MAX_MESSAGE);
    }

    /**
     * Connects and starts publishing.
     *
     * @param timeout    for the TCP connect and for each answer during setup
     * @param chunkSize  outgoing chunk size (4096 is what OBS and ffmpeg use)
     * @param stallLimit a write blocked this long ends the connection
     * @throws IOException with an operator-readable reason: refused, TLS failure, "destination refused publish:
     *                     NetStream.Publish.BadName ...", timeouts
     */
    public static RtmpPublishClient publish(RtmpTarget target, Duration timeout, int chunkSize, Duration stallLimit) throws IOException {
        RtmpPublishClient client = RtmpClientSession.connect(target, timeout, socket -> {
            RtmpPublishClient c = new RtmpPublishClient(target, socket.getInputStream(), socket.getOutputStream(),
                    socket, stallLimit);
            c.setUp(chunkSize);
            return c;
        });
        Thread.ofVirtual().name(client.id + "-read").start(client::readLoop);
        return client;
    }

    /**
     * The session setup (connect ... publish) over streams, without the reader thread: for tests and fuzzing of
     * how the client reads a server's answers. Throws only {@link IOException} for anything a server sends.
     */
    static RtmpPublishClient setUpOver(RtmpTarget target, InputStream in, OutputStream out) throws IOException {
        RtmpPublishClient client = new RtmpPublishClient(target, in, out, () -> { }, Duration.ofSeconds(10));
        client.setUp(4096);
        return client;
    }

    private void setUp(int chunkSize) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("type", "nonprivate");
        if (target.relayPath() != null) extra.put(RelayPath.RTMP_CONNECT_PROPERTY, target.relayPath());
        session.connect(chunkSize, FLASH_VER, extra);
        session.send(Command.of("releaseStream", 2, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0));
        session.send(Command.of("FCPublish", 3, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0));
        streamId = session.createStream(4);
        session.send(Command.of("publish", 5, null, target.streamName(), "live").toMessage(MessageTypes.CSID_DATA, streamId));
        while (true) {
            Command c = session.nextCommand();
            if (!c.name().equals("onStatus")) continue;
            RtmpStatus status = RtmpStatus.of(c);
            if ("NetStream.Publish.Start".equals(status.code())) return;
            if (status.isError()) throw new RtmpRefusedException("destination", "publish", status);
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                RtmpMessage m;
                try {
                    m = session.read();
                } catch (SocketTimeoutException tick) {
                    long started = writeStartedNanos;
                    if (started != 0 && System.nanoTime() - started > stallLimit.toNanos()) {
                        end("destination stopped reading for " + stallLimit.toSeconds() + " s");
                        return;
                    }
                    continue;
                }
                if (RtmpClientSession.isCommand(m)) {
                    Command c = Command.decode(m);
                    RtmpStatus status = RtmpStatus.of(c);
                    if (c.name().equals("onStatus") && status.isError()) {
                        end("destination ended the stream: " + status.code());
                        return;
                    }
                }
            }
        } catch (EOFException e) {
            end("destination closed the connection");
        } catch (IOException e) {
            end(closed ? "closed" : "connection lost: " + e.getMessage());
        } catch (RuntimeException e) {
            end("reader failed: " + e);
        }
    }

    private void end(String reason) {
        if (endReason == null) endReason = reason;
        close();
    }

    /**
     * Writes a media message (audio, video or data) on the publish stream; call {@link #flush()} when no more are
     * waiting. The body array is written as is, never copied.
     *
     * @throws IOException when the connection is gone; {@link #endReason()} says why
     */
    public void write(MediaMessage m) throws IOException {
        int csid;
        int type;
        switch (m.kind()) {
            case AUDIO -> { csid = MessageTypes.CSID_AUDIO; type = MessageTypes.AUDIO; }
            case VIDEO -> { csid = MessageTypes.CSID_VIDEO; type = MessageTypes.VIDEO; }
            default -> { csid = MessageTypes.CSID_DATA; type = MessageTypes.DATA_AMF0; }
        }
        writeStartedNanos = System.nanoTime();
        try {
            session.write(new RtmpMessage(csid, type, streamId, Math.max(0, m.timestamp()), m.body()));
        } catch (IOException e) {
            throw new IOException(endReason != null ? endReason : e.getMessage(), e);
        } finally {
            writeStartedNanos = 0;
        }
    }

    public void flush() throws IOException {
        writeStartedNanos = System.nanoTime();
        try {
            session.flush();
        } catch (IOException e) {
            throw new IOException(endReason != null ? endReason : e.getMessage(), e);
        } finally {
            writeStartedNanos = 0;
        }
    }

    /** Socket bytes written so far (handshake, commands and media). */
    public long bytesSent() {
        return session.bytesSent();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Why the connection ended, or {@code null} while it is open. */
    public String endReason() {
        return endReason;
    }

    public RtmpTarget target() {
        return target;
    }

    /**
     * Ends the session: while the connection is healthy, first tells the server the stream ends
     * ({@code FCUnpublish}, {@code deleteStream}, as ffmpeg and OBS do, so its players hear
     * {@code UnpublishNotify} at once), then closes the socket (the reader thread then ends). Safe from any
     * thread, more than once; never waits more than half a second for the writer.
     */
    @Override
    public void close() {
        if (closed) return;
        if (endReason == null && streamId != 0) {
            session.sendIfFree(Duration.ofMillis(500),
                    Command.of("FCUnpublish", 6, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0),
                    Command.of("deleteStream", 7, null, streamId).toMessage(MessageTypes.CSID_COMMAND, 0));
        }
        closed = true;
        session.close();
        log.debug("{} to {} closed: {}", id, target, endReason);
    }
}
