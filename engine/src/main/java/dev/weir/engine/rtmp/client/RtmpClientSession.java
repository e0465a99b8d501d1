package dev.weir.engine.rtmp.client;

import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One RTMP client connection, below what the client does with it: the socket (TCP, or TLS for {@code rtmps://}),
 * the client handshake, chunking both ways, and the NetConnection steps every client takes — {@code connect},
 * {@code createStream}, reading the answers — while it answers the server's pings and acknowledges its window.
 * {@link RtmpPublishClient} and {@link RtmpPlayClient} are built on it.
 *
 * <p>Reads happen on one thread at a time (the client's); writes may come from two (a publisher's media and the
 * reader's ping answers), so they take a lock.
 */
final class RtmpClientSession implements Closeable {
    private final RtmpTarget target;
    private final String who;
    private final Closeable socket;
    private final OutputStream out;
    private final ChunkReader reader;
    private final ChunkWriter chunks = new ChunkWriter();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong bytesSent = new AtomicLong();
    private long serverWindow;      // 0 until the server sends Window Acknowledgement Size
    private long acknowledgedAt;

    /**
     * Does the client handshake over the given streams.
     *
     * @param who        how refusals name the far end: {@code destination} (a publisher's) or {@code server}
     * @param maxMessage the largest message accepted from the server
     */
    RtmpClientSession(RtmpTarget target, String who, InputStream rawIn, OutputStream rawOut, Closeable socket,
                      int maxMessage) throws IOException {
        this.target = target;
        this.who = who;
        this.socket = socket;
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
        this.reader = new ChunkReader(in, 16 * 1024 * 1024, maxMessage, 64);
    }

    /**
     * Opens the TCP connection, and for {@code rtmps://} the TLS session on it.
     *
     * @throws IOException with an operator sentence: cannot resolve, cannot connect (refused, unreachable),
     *                     TLS failed (with the hint for self-signed test servers)
     */
    static Socket open(RtmpTarget target, Duration timeout) throws IOException {
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

    /** What a client does on a freshly opened socket: the handshake and its setup (connect ... publish or play). */
    interface SetUp<T> {
        T on(Socket socket) throws IOException;
    }

    /**
     * Opens the socket ({@link #open}) and runs {@code setUp} on it with {@code timeout} for each answer; then reads
     * wait 1 s at most, so a client's reading thread can look at the clock. The socket is closed when setup fails.
     *
     * @throws IOException as {@link #open}, "no answer from ... within N ms", or what {@code setUp} throws
     */
    static <T> T connect(RtmpTarget target, Duration timeout, SetUp<T> setUp) throws IOException {
        Socket socket = open(target, timeout);
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            T client = setUp.on(socket);
            socket.setSoTimeout(1000);
            return client;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new IOException("no answer from " + target + " within " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
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

    RtmpTarget target() {
        return target;
    }

    /**
     * Sets our chunk size and sends {@code connect} (transaction 1) with {@code app}, {@code tcUrl},
     * {@code flashVer} and the {@code extra} properties; returns the server's {@code _result}.
     *
     * @throws RtmpRefusedException on {@code _error} (e.g. NetConnection.Connect.Rejected)
     */
    Command connect(int chunkSize, String flashVer, Map<String, Object> extra) throws IOException {
        send(new ProtocolControl.SetChunkSize(chunkSize).toMessage());
        chunks.chunkSize(chunkSize);
        Map<String, Object> connect = new LinkedHashMap<>();
        connect.put("app", target.app());
        connect.put("flashVer", flashVer);
        connect.put("tcUrl", target.tcUrl());
        connect.putAll(extra);
        send(Command.of("connect", 1, connect).toMessage(MessageTypes.CSID_COMMAND, 0));
        return await(1, "connect");
    }

    /** Sends {@code createStream} and returns the message stream id the server gave. */
    int createStream(double transaction) throws IOException {
        send(Command.of("createStream", transaction, null).toMessage(MessageTypes.CSID_COMMAND, 0));
        Command created = await(transaction, "createStream");
        if (!(created.argument(0) instanceof Number n)) {
            throw new IOException(target + ": createStream answered without a stream id");
        }
        return n.intValue();
    }

    /** Reads until the {@code _result} of {@code transaction}; an {@code _error} is a {@link RtmpRefusedException}. */
    Command await(double transaction, String what) throws IOException {
        while (true) {
            Command c;
            try {
                c = nextCommand();
            } catch (EOFException e) {
                throw new EOFException(who + " closed the connection without answering " + what);
            }
            if (c.transactionId() != transaction) continue;
            if (c.name().equals("_result")) return c;
            if (c.name().equals("_error")) throw new RtmpRefusedException(who, what, RtmpStatus.of(c));
        }
    }

    /** The next command from the server; media and data that come first are dropped. */
    Command nextCommand() throws IOException {
        while (true) {
            RtmpMessage m = read();
            if (isCommand(m)) return Command.decode(m);
        }
    }

    static boolean isCommand(RtmpMessage m) {
        return m.typeId() == MessageTypes.COMMAND_AMF0 || m.typeId() == MessageTypes.COMMAND_AMF3;
    }

    /**
     * The next message that is not protocol or user control: those are handled here (chunk size and abort by the
     * reader, pings answered, the server's window acknowledged). Blocks up to the socket's read timeout.
     */
    RtmpMessage read() throws IOException {
        while (true) {
            RtmpMessage m = reader.readMessage();
            acknowledge();
            switch (m.typeId()) {
                case MessageTypes.SET_CHUNK_SIZE, MessageTypes.ABORT, MessageTypes.ACKNOWLEDGEMENT,
                     MessageTypes.SET_PEER_BANDWIDTH -> { }
                case MessageTypes.WINDOW_ACK_SIZE -> {
                    if (control(m) instanceof ProtocolControl.WindowAckSize(long size)) serverWindow = size;
                }
                case MessageTypes.USER_CONTROL -> {
                    UserControl event;
                    try {
                        event = UserControl.decode(m.payload());
                    } catch (IllegalArgumentException e) {
                        throw new IOException("malformed user control message: " + e.getMessage());
                    }
                    if (event instanceof UserControl.PingRequest(long timestamp)) {
                        send(new UserControl.PingResponse(timestamp).toMessage());
                    }
                }
                default -> {
                    return m;
                }
            }
        }
    }

    private static ProtocolControl control(RtmpMessage m) throws IOException {
        try {
            return ProtocolControl.decode(m.typeId(), m.payload());
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed protocol control message: " + e.getMessage());
        }
    }

    /** An Acknowledgement each time the server's window's worth of bytes has arrived (specification 5.4.3). */
    private void acknowledge() throws IOException {
        long total = ClientHandshake.S0S1S2_SIZE + reader.bytesRead();
        if (serverWindow > 0 && total - acknowledgedAt >= serverWindow) {
            acknowledgedAt = total;
            send(new ProtocolControl.Acknowledgement(total & 0xFFFFFFFFL).toMessage());
        }
    }

    /** Writes and flushes one message. */
    void send(RtmpMessage message) throws IOException {
        writeLock.lock();
        try {
            bytesSent.addAndGet(chunks.write(message, out));
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes one message without flushing (media: {@link #flush()} when no more are waiting). */
    void write(RtmpMessage message) throws IOException {
        writeLock.lock();
        try {
            bytesSent.addAndGet(chunks.write(message, out));
        } finally {
            writeLock.unlock();
        }
    }

    void flush() throws IOException {
        writeLock.lock();
        try {
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends {@code messages} if no other write holds the connection for longer than {@code wait}: goodbyes on a
     * healthy connection, skipped on a stuck one. Failures are ignored (the connection is being closed).
     */
    void sendIfFree(Duration wait, RtmpMessage... messages) {
        try {
            if (!writeLock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) return;
            try {
                for (RtmpMessage m : messages) chunks.write(m, out);
                out.flush();
            } finally {
                writeLock.unlock();
            }
        } catch (IOException e) {
            // the connection is gone anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Socket bytes written so far (handshake, commands and media). */
    long bytesSent() {
        return bytesSent.get();
    }

    /** Socket bytes read so far, handshake included. */
    long bytesRead() {
        return ClientHandshake.S0S1S2_SIZE + reader.bytesRead();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(Closeable s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
