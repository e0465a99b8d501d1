package dev.weir.engine.rtmp.client;

import dev.weir.engine.auth.RelayPath;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>Reuses the server's codecs: {@link ChunkReader}, {@link ChunkWriter}, {@link Command},
 * {@link ProtocolControl}, {@link UserControl}.
 */
public final class RtmpPublishClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtmpPublishClient.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_MESSAGE = 4 * 1024 * 1024;

    /**
     * Where to publish.
     *
     * @param host       server host
     * @param port       server port
     * @param tls        RTMPS
     * @param verifyTls  check the server's certificate and host name (off only for test servers)
     * @param app        the application, e.g. {@code live} (may carry a query)
     * @param streamName the name to publish, e.g. {@code test?token=x}; never logged with its query
     * @param tcUrl      {@code rtmp://host:port/app}, as clients send it in {@code connect}
     * @param relayPath  for a relay: the weir instances the stream came through, sent in {@code connect} as
     *                   {@code weirRelay} so the server can refuse loops ({@code RelayPath}); {@code null} for none
     */
    public record Target(String host, int port, boolean tls, boolean verifyTls, String app, String streamName,
                         String tcUrl, String relayPath) {
        public Target {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(streamName, "streamName");
        }

        public Target(String host, int port, boolean tls, boolean verifyTls, String app, String streamName, String tcUrl) {
            this(host, port, tls, verifyTls, app, streamName, tcUrl, null);
        }

        public Target withRelayPath(String path) {
            return new Target(host, port, tls, verifyTls, app, streamName, tcUrl, path);
        }

        @Override
        public String toString() {
            int q = streamName.indexOf('?');
            return (tls ? "rtmps://" : "rtmp://") + host + ":" + port + "/" + app + "/"
                    + (q < 0 ? streamName : streamName.substring(0, q) + "?***");
        }
    }

    private final Target target;
    private final java.io.Closeable socket;
    private final OutputStream out;
    private final ChunkReader reader;
    private final ChunkWriter chunks = new ChunkWriter();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Duration stallLimit;
    private final String id = "rtmp-client-" + IDS.incrementAndGet();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile long writeStartedNanos;   // 0 while no write is in progress
    private volatile boolean closed;
    private volatile String endReason;
    private int streamId;
    private Thread readerThread;

    private RtmpPublishClient(Target target, Socket socket, Duration stallLimit) throws IOException {
        this(target, socket.getInputStream(), socket.getOutputStream(), socket, stallLimit);
    }

    /** Over any pair of streams (tests and fuzzing drive the client with a scripted "server"). */
    RtmpPublishClient(Target target, InputStream rawIn, OutputStream rawOut, java.io.Closeable socket, Duration stallLimit)
            throws IOException {
        this.target = target;
        this.socket = socket;
        this.stallLimit = stallLimit;
        this.out = new BufferedOutputStream(rawOut, 64 * 1024);
        InputStream in = new BufferedInputStream(rawIn, 64 * 1024);
        byte[] c0c1 = ClientHandshake.c0c1(0, ThreadLocalRandom.current());
        out.write(c0c1);
        out.flush();
        byte[] s0s1s2 = in.readNBytes(ClientHandshake.S0S1S2_SIZE);
        byte[] c2 = ClientHandshake.c2(s0s1s2);
        out.write(c2);
        out.flush();
        bytesSent.addAndGet(c0c1.length + c2.length);
        this.reader = new ChunkReader(in, 16 * 1024 * 1024, MAX_MESSAGE, 64);
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
    public static RtmpPublishClient publish(Target target, Duration timeout, int chunkSize, Duration stallLimit) throws IOException {
        Socket socket = open(target, timeout);
        RtmpPublishClient client = null;
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            client = new RtmpPublishClient(target, socket, stallLimit);
            client.setUp(chunkSize);
            socket.setSoTimeout(1000);
            RtmpPublishClient started = client;
            client.readerThread = Thread.ofVirtual().name(client.id + "-read").start(started::readLoop);
            return client;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new IOException("no answer from " + target + " within " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static Socket open(Target target, Duration timeout) throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) throw new IOException("cannot resolve " + target.host());
        Socket plain = new Socket();
        try {
            plain.connect(address, (int) timeout.toMillis());
            plain.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(plain);
            throw new IOException("cannot connect to " + target.host() + ":" + target.port() + ": " + e.getMessage(), e);
        }
        if (!target.tls()) return plain;
        try {
            SSLContext context = target.verifyTls() ? SSLContext.getDefault() : trustingContext();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            if (target.verifyTls()) p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout((int) timeout.toMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            closeQuietly(plain);
            throw new IOException("TLS with " + target.host() + ":" + target.port() + " failed: " + e.getMessage()
                    + (target.verifyTls() ? " (for a test server with a self-signed certificate add ?tls_verify=0)" : ""), e);
        }
    }

    /** Accepts any certificate: only when the operator turned verification off ({@code tls_verify=0}). */
    private static SSLContext trustingContext() throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        return c;
    }

    /**
     * The session setup (connect ... publish) over streams, without the reader thread: for tests and fuzzing of
     * how the client reads a server's answers. Throws only {@link IOException} for anything a server sends.
     */
    static RtmpPublishClient setUpOver(Target target, InputStream in, OutputStream out) throws IOException {
        RtmpPublishClient client = new RtmpPublishClient(target, in, out, () -> { }, Duration.ofSeconds(10));
        client.setUp(4096);
        return client;
    }

    private void setUp(int chunkSize) throws IOException {
        send(new ProtocolControl.SetChunkSize(chunkSize).toMessage());
        chunks.chunkSize(chunkSize);
        Map<String, Object> connect = new LinkedHashMap<>();
        connect.put("app", target.app());
        connect.put("type", "nonprivate");
        connect.put("flashVer", "FMLE/3.0 (compatible; weir)");
        connect.put("tcUrl", target.tcUrl());
        if (target.relayPath() != null) connect.put(RelayPath.RTMP_CONNECT_PROPERTY, target.relayPath());
        send(Command.of("connect", 1, connect).toMessage(MessageTypes.CSID_COMMAND, 0));
        await(1, "connect");
        send(Command.of("releaseStream", 2, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0));
        send(Command.of("FCPublish", 3, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0));
        send(Command.of("createStream", 4, null).toMessage(MessageTypes.CSID_COMMAND, 0));
        Command created = await(4, "createStream");
        if (!(created.argument(0) instanceof Number n)) {
            throw new IOException(target + ": createStream answered without a stream id");
        }
        streamId = n.intValue();
        send(Command.of("publish", 5, null, target.streamName(), "live").toMessage(MessageTypes.CSID_DATA, streamId));
        while (true) {
            Command c = nextCommand("publish");
            if (!c.name().equals("onStatus")) continue;
            String code = c.argument(0) instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "?";
            String level = c.argument(0) instanceof Map<?, ?> m ? String.valueOf(m.get("level")) : "?";
            if (code.equals("NetStream.Publish.Start")) return;
            if (level.equals("error")) {
                Object description = c.argument(0) instanceof Map<?, ?> m ? m.get("description") : null;
                throw new IOException("destination refused publish: " + code + (description == null ? "" : " (" + description + ")"));
            }
        }
    }

    /** Reads until the {@code _result} of {@code transaction}; an {@code _error} fails with its description. */
    private Command await(double transaction, String what) throws IOException {
        while (true) {
            Command c = nextCommand(what);
            if (c.transactionId() != transaction) continue;
            if (c.name().equals("_result")) return c;
            if (c.name().equals("_error")) {
                Object info = c.argument(0) instanceof Map<?, ?> m ? m.get("code") + " " + m.get("description") : c.arguments();
                throw new IOException("destination refused " + what + ": " + info);
            }
        }
    }

    private Command nextCommand(String what) throws IOException {
        while (true) {
            RtmpMessage m = reader.readMessage();
            if (m.typeId() == MessageTypes.COMMAND_AMF0 || m.typeId() == MessageTypes.COMMAND_AMF3) {
                return Command.decode(m);
            }
            control(m);
        }
    }

    private void control(RtmpMessage m) throws IOException {
        if (m.typeId() == MessageTypes.USER_CONTROL) {
            try {
                if (UserControl.decode(m.payload()) instanceof UserControl.PingRequest(long timestamp)) {
                    send(new UserControl.PingResponse(timestamp).toMessage());
                }
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed user control message: " + e.getMessage());
            }
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                RtmpMessage m;
                try {
                    m = reader.readMessage();
                } catch (SocketTimeoutException tick) {
                    long started = writeStartedNanos;
                    if (started != 0 && System.nanoTime() - started > stallLimit.toNanos()) {
                        end("destination stopped reading for " + stallLimit.toSeconds() + " s");
                        return;
                    }
                    continue;
                }
                if (m.typeId() == MessageTypes.COMMAND_AMF0 || m.typeId() == MessageTypes.COMMAND_AMF3) {
                    Command c = Command.decode(m);
                    if (c.name().equals("onStatus") && c.argument(0) instanceof Map<?, ?> info
                            && "error".equals(info.get("level"))) {
                        end("destination ended the stream: " + info.get("code"));
                        return;
                    }
                } else {
                    control(m);
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

    private void send(RtmpMessage message) throws IOException {
        writeLock.lock();
        try {
            bytesSent.addAndGet(chunks.write(message, out));
            out.flush();
        } finally {
            writeLock.unlock();
        }
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
        writeLock.lock();
        writeStartedNanos = System.nanoTime();
        try {
            bytesSent.addAndGet(chunks.write(new RtmpMessage(csid, type, streamId, Math.max(0, m.timestamp()), m.body()), out));
        } catch (IOException e) {
            throw new IOException(endReason != null ? endReason : e.getMessage(), e);
        } finally {
            writeStartedNanos = 0;
            writeLock.unlock();
        }
    }

    public void flush() throws IOException {
        writeLock.lock();
        writeStartedNanos = System.nanoTime();
        try {
            out.flush();
        } catch (IOException e) {
            throw new IOException(endReason != null ? endReason : e.getMessage(), e);
        } finally {
            writeStartedNanos = 0;
            writeLock.unlock();
        }
    }

    /** Socket bytes written so far (handshake, commands and media). */
    public long bytesSent() {
        return bytesSent.get();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Why the connection ended, or {@code null} while it is open. */
    public String endReason() {
        return endReason;
    }

    public Target target() {
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
            try {
                if (writeLock.tryLock(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    try {
                        chunks.write(Command.of("FCUnpublish", 6, null, target.streamName()).toMessage(MessageTypes.CSID_COMMAND, 0), out);
                        chunks.write(Command.of("deleteStream", 7, null, streamId).toMessage(MessageTypes.CSID_COMMAND, 0), out);
                        out.flush();
                    } finally {
                        writeLock.unlock();
                    }
                }
            } catch (IOException e) {
                // the connection is gone anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closed = true;
        closeQuietly(socket);
        log.debug("{} to {} closed: {}", id, target, endReason);
    }

    private static void closeQuietly(java.io.Closeable s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
