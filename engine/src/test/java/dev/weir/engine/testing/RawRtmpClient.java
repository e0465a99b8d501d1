package dev.weir.engine.testing;

import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A synchronous RTMP client for server tests that need to send exact (or broken) messages and read the
 * replies one by one: no thread, no retries. Built on Weir's own chunk and AMF codecs, which have their own
 * golden tests; real-peer behaviour is covered by the interop tests.
 */
public final class RawRtmpClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final ChunkWriter writer = new ChunkWriter();
    private ChunkReader reader;
    private double nextTransaction = 1;

    public RawRtmpClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Simple handshake: C0C1 with zero version bytes, then C2 echoing S1. */
    public RawRtmpClient handshake() throws IOException {
        byte[] c0c1 = new byte[1537];
        c0c1[0] = 3;
        out.write(c0c1);
        out.flush();
        byte[] s0s1s2 = in.readNBytes(3073);
        if (s0s1s2.length != 3073) {
            throw new IOException("server closed during the handshake");
        }
        out.write(s0s1s2, 1, 1536);
        out.flush();
        reader = new ChunkReader(in, 1 << 20, 64 << 20, 64);
        return this;
    }

    public void send(RtmpMessage m) throws IOException {
        writer.write(m, out);
        out.flush();
    }

    public void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Sends a command on chunk stream 3; returns its transaction id. */
    public double command(int streamId, String name, Object commandObject, Object... args) throws IOException {
        double tx = nextTransaction++;
        send(Command.of(name, tx, commandObject, args).toMessage(MessageTypes.CSID_COMMAND, streamId));
        return tx;
    }

    public void connect(String app) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("app", app);
        object.put("tcUrl", "rtmp://127.0.0.1/" + app);
        object.put("objectEncoding", 0.0);
        double tx = command(0, "connect", object);
        awaitCommand(c -> c.name().equals("_result") && c.transactionId() == tx);
    }

    /** createStream; returns the stream id from the _result. */
    public int createStream() throws IOException {
        double tx = command(0, "createStream", null);
        Command result = awaitCommand(c -> c.name().equals("_result") && c.transactionId() == tx);
        return ((Number) result.argument(0)).intValue();
    }

    /** Reads the next message. */
    public RtmpMessage next() throws IOException {
        return reader.readMessage();
    }

    /** Reads until a command matches; other messages are skipped. */
    public Command awaitCommand(Predicate<Command> match) throws IOException {
        while (true) {
            RtmpMessage m = next();
            if (m.typeId() == MessageTypes.COMMAND_AMF0 || m.typeId() == MessageTypes.COMMAND_AMF3) {
                Command c = Command.decode(m);
                if (match.test(c)) {
                    return c;
                }
            }
        }
    }

    /** Reads until a message matches. */
    public RtmpMessage await(Predicate<RtmpMessage> match) throws IOException {
        while (true) {
            RtmpMessage m = next();
            if (match.test(m)) {
                return m;
            }
        }
    }

    /** Status code of an onStatus command, or null. */
    public static String statusCode(Command c) {
        return c.argument(0) instanceof Map<?, ?> info && info.get("code") instanceof String code ? code : null;
    }

    /** True when the server closes the connection within {@code timeout} (reads and drops what comes first). */
    public boolean closedByServerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        socket.setSoTimeout(100);
        byte[] sink = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
