package dev.weir.engine.testing;

import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.MessageTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A minimal RTMP player for tests that must see protocol events real players hide or react to by quitting
 * (ffmpeg and librtmp stop at {@code NetStream.Play.UnpublishNotify}, so they cannot show that media resumes
 * after a republish). It does the simple handshake, connect, createStream and play, then records every
 * status code and media message it receives, in order. It is an observer, not a stand-in for real peers:
 * interop tests use it next to ffmpeg and rtmpdump, never instead of them.
 */
public final class RtmpProbe implements AutoCloseable {

    /** What the probe saw, in arrival order. */
    public sealed interface Event {
        record Status(String code) implements Event {}
        /** {@code fourCc} is the Enhanced RTMP codec ({@code hvc1}, {@code av01}, ...), {@code null} for legacy FLV. */
        record Media(int typeId, long timestamp, boolean keyframe, boolean sequenceHeader, String fourCc) implements Event {
            public Media(int typeId, long timestamp, boolean keyframe, boolean sequenceHeader) {
                this(typeId, timestamp, keyframe, sequenceHeader, null);
            }
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ChunkWriter writer = new ChunkWriter();
    private final List<Event> events = new ArrayList<>();
    private Thread readerThread;
    private volatile IOException failure;

    private RtmpProbe(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code app} and plays {@code name}; events are recorded from then on. */
    public static RtmpProbe play(String host, int port, String app, String name) throws IOException {
        RtmpProbe probe = new RtmpProbe(new Socket(host, port));
        probe.handshake();
        Map<String, Object> connect = new LinkedHashMap<>();
        connect.put("app", app);
        connect.put("tcUrl", "rtmp://" + host + ":" + port + "/" + app);
        probe.send(Command.of("connect", 1, connect).toMessage(MessageTypes.CSID_COMMAND, 0));
        probe.send(Command.of("createStream", 2, null).toMessage(MessageTypes.CSID_COMMAND, 0));
        probe.send(Command.of("play", 0, null, name, -1000.0).toMessage(MessageTypes.CSID_DATA, 1));
        probe.readerThread = Thread.ofVirtual().name("rtmp-probe-" + name).start(probe::readLoop);
        return probe;
    }

    private void handshake() throws IOException {
        byte[] c0c1 = new byte[1537];
        c0c1[0] = 3;
        out.write(c0c1);
        out.flush();
        byte[] s0s1s2 = in.readNBytes(3073);
        if (s0s1s2.length != 3073 || s0s1s2[0] != 3) {
            throw new IOException("bad handshake answer");
        }
        out.write(s0s1s2, 1, 1536); // C2 echoes S1
        out.flush();
    }

    private synchronized void send(RtmpMessage m) throws IOException {
        writer.write(m, out);
        out.flush();
    }

    private void readLoop() {
        try {
            ChunkReader reader = new ChunkReader(in, 1 << 20, 64 << 20, 64);
            while (true) {
                RtmpMessage m = reader.readMessage();
                Event e = switch (m.typeId()) {
                    case MessageTypes.COMMAND_AMF0 -> statusOf(Command.decode(m));
                    case MessageTypes.AUDIO -> new Event.Media(m.typeId(), m.timestamp(), false,
                            m.length() > 1 && m.payload()[1] == 0);
                    case MessageTypes.VIDEO -> videoEvent(m);
                    default -> null;
                };
                if (e != null) {
                    synchronized (this) {
                        events.add(e);
                        notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Legacy FLV video, or Enhanced RTMP (IsExHeader: frame type in bits 4-6, packet type in 0-3, FourCC). */
    private static Event videoEvent(RtmpMessage m) {
        byte[] p = m.payload();
        if (m.length() > 0 && (p[0] & 0x80) != 0) {
            String fourCc = m.length() >= 5 ? new String(p, 1, 4, java.nio.charset.StandardCharsets.US_ASCII) : null;
            return new Event.Media(m.typeId(), m.timestamp(), (p[0] & 0x70) == 0x10, (p[0] & 0x0F) == 0, fourCc);
        }
        return new Event.Media(m.typeId(), m.timestamp(), m.length() > 0 && (p[0] & 0xF0) == 0x10,
                m.length() > 1 && p[1] == 0);
    }

    private static Event statusOf(Command c) {
        if (c.argument(0) instanceof Map<?, ?> info && info.get("code") instanceof String code) {
            return new Event.Status(code);
        }
        return new Event.Status(c.name());
    }

    /** A copy of the events so far. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until some event after index {@code from} matches; returns its index. */
    public synchronized int await(int from, Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = from; i < events.size(); i++) {
                if (match.test(events.get(i))) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || failure != null) {
                throw new AssertionError("probe did not see the expected event within " + timeout
                        + (failure != null ? " (connection failed: " + failure.getMessage() + ")" : "")
                        + "; saw " + events.size() + " events, last: " + events.subList(Math.max(0, events.size() - 5), events.size()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public static Predicate<Event> status(String code) {
        return e -> e instanceof Event.Status s && s.code().equals(code);
    }

    public static Predicate<Event> videoFrame() {
        return e -> e instanceof Event.Media m && m.typeId() == MessageTypes.VIDEO && !m.sequenceHeader();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (readerThread != null) {
            try {
                readerThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
