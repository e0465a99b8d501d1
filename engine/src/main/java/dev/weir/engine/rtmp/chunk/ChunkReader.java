package dev.weir.engine.rtmp.chunk;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles RTMP messages from the chunks a peer sends (RTMP specification 5.3).
 *
 * <p>This is a <em>blocking</em> reader over an {@link InputStream}, not a push decoder with an explicit
 * partial-input state enum. Each connection has its own virtual thread, so a read that waits for more bytes
 * parks cheaply, and the state of a half-read chunk lives on that thread's stack instead of in fields. What
 * must outlive one chunk (each chunk stream's last header and its partly assembled message) is kept in
 * {@link ChunkStream}. Incomplete input ends in {@link EOFException}; tests drive it from byte arrays, with no
 * socket. Timeouts are not seen here: the stream below decides whether a quiet peer is waited for or dropped,
 * so a timeout can never leave a chunk half-parsed.
 *
 * <p>The reader applies the two control messages that change how chunks are read as soon as they complete:
 * Set Chunk Size (type 1) and Abort (type 2). It still returns them, so the session can log them.
 *
 * <p>Limits, all checked before anything is allocated from a peer-supplied number: the chunk size a peer may
 * announce, the size of one message, and how many chunk streams may be open at once. Message buffers grow as
 * bytes arrive, so memory is bounded by what the peer actually sent.
 */
public final class ChunkReader {
    private final InputStream in;
    private final int maxChunkSize;
    private final int maxMessageSize;
    private final int maxChunkStreams;
    private final Map<Integer, ChunkStream> streams = new HashMap<>();
    private int chunkSize = ChunkHeaders.DEFAULT_CHUNK_SIZE;
    private long bytesRead;
    private long latestTimestamp;

    /** What outlives a chunk on one chunk stream: the last header's fields and the message being assembled. */
    private static final class ChunkStream {
        long timestamp;          // 64-bit, unwrapped: timestamp of the last message started on this stream
        long timestampField;     // last timestamp field (absolute after fmt 0, delta after fmt 1/2)
        boolean extended;        // the last message header carried an extended timestamp
        int length;
        int typeId;
        int streamId;
        byte[] payload;          // null when no message is in progress
        int received;
    }

    public ChunkReader(InputStream in, int maxChunkSize, int maxMessageSize, int maxChunkStreams) {
        // mark/reset lets a continuation chunk's optional extended timestamp be peeked at (see readChunk)
        this.in = in.markSupported() ? in : new BufferedInputStream(in);
        this.maxChunkSize = maxChunkSize;
        this.maxMessageSize = maxMessageSize;
        this.maxChunkStreams = maxChunkStreams;
    }

    /** Chunk size the peer currently sends with. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Bytes consumed so far, for acknowledgements. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Reads chunks until one message is complete, and returns it. */
    public RtmpMessage readMessage() throws IOException {
        while (true) {
            RtmpMessage message = readChunk();
            if (message != null) {
                applyChunkControl(message);
                return message;
            }
        }
    }

    /** Reads one chunk; returns the message it completes, or {@code null}. */
    private RtmpMessage readChunk() throws IOException {
        int first = u8();
        int fmt = first >>> 6;
        int csid = first & 0x3F;
        if (csid == 0) {
            csid = 64 + u8();
        } else if (csid == 1) {
            csid = 64 + u8() + (u8() << 8);
        }

        ChunkStream cs = streams.get(csid);
        if (cs == null) {
            if (fmt != ChunkHeaders.FMT_FULL) {
                throw new ChunkException("chunk stream " + csid + " starts with a fmt " + fmt + " header; the first must be fmt 0");
            }
            if (streams.size() >= maxChunkStreams) {
                throw new ChunkException("peer opened more than " + maxChunkStreams + " chunk streams");
            }
            cs = new ChunkStream();
            // a new chunk stream's first absolute timestamp is unwrapped against the connection's clock
            // (the latest seen on any chunk stream), so a stream opened after the 32-bit wrap is placed right
            cs.timestamp = latestTimestamp;
            streams.put(csid, cs);
        }

        boolean continuation = fmt == ChunkHeaders.FMT_CONTINUATION && cs.payload != null;
        if (!continuation && cs.payload != null) {
            throw new ChunkException("chunk stream " + csid + " got a fmt " + fmt + " header while a "
                    + cs.length + "-byte message was " + cs.received + " bytes in");
        }

        if (continuation) {
            if (cs.extended) {
                skipRepeatedExtendedTimestamp(cs);
            }
        } else {
            readMessageHeader(fmt, csid, cs);
            if (cs.length > maxMessageSize) {
                throw new ChunkException("message of " + cs.length + " bytes on chunk stream " + csid
                        + " is larger than the limit of " + maxMessageSize);
            }
            cs.payload = new byte[Math.min(cs.length, Math.max(chunkSize, 4096))];
            cs.received = 0;
        }

        int n = Math.min(chunkSize, cs.length - cs.received);
        if (cs.received + n > cs.payload.length) {
            cs.payload = Arrays.copyOf(cs.payload, Math.min(cs.length, Math.max(cs.payload.length * 2, cs.received + n)));
        }
        readFully(cs.payload, cs.received, n);
        cs.received += n;
        if (cs.received < cs.length) {
            return null;
        }
        byte[] body = cs.payload;
        cs.payload = null;
        latestTimestamp = Math.max(latestTimestamp, cs.timestamp);
        return new RtmpMessage(csid, cs.typeId, cs.streamId, cs.timestamp, body);
    }

    private void readMessageHeader(int fmt, int csid, ChunkStream cs) throws IOException {
        long field = cs.timestampField;
        if (fmt <= ChunkHeaders.FMT_DELTA_ONLY) {
            field = u24();
        }
        if (fmt <= ChunkHeaders.FMT_NO_STREAM_ID) {
            cs.length = u24();
            cs.typeId = u8();
        }
        if (fmt == ChunkHeaders.FMT_FULL) {
            cs.streamId = u32le();
        }
        if (fmt <= ChunkHeaders.FMT_DELTA_ONLY) {
            cs.extended = field == ChunkHeaders.EXTENDED_TIMESTAMP_MARKER;
        }
        if (cs.extended) {
            // fmt 3 starting a new message repeats the extended field too (spec 5.3.1.3)
            field = u32();
        }
        cs.timestampField = field;
        if (fmt == ChunkHeaders.FMT_FULL) {
            cs.timestamp = Timestamps.unwrap(cs.timestamp, field);
        } else {
            cs.timestamp = Math.max(0, cs.timestamp + Timestamps.signedDelta(field));
        }
    }

    /**
     * A continuation chunk after an extended-timestamp header should repeat the 4-byte extended field
     * (spec 5.3.1.3; ffmpeg, librtmp and OBS do), but some old encoders leave it out. Peek: consume the four
     * bytes only when they equal the field we expect.
     */
    private void skipRepeatedExtendedTimestamp(ChunkStream cs) throws IOException {
        in.mark(4);
        byte[] four = new byte[4];
        int got = in.readNBytes(four, 0, 4);
        long value = got == 4
                ? ((long) (four[0] & 0xFF) << 24) | ((four[1] & 0xFF) << 16) | ((four[2] & 0xFF) << 8) | (four[3] & 0xFF)
                : -1;
        if (value == cs.timestampField) {
            bytesRead += 4;
        } else {
            in.reset();
        }
    }

    private void applyChunkControl(RtmpMessage message) throws ChunkException {
        if (message.streamId() != 0 && message.typeId() <= 2) {
            return; // control messages belong on stream 0; elsewhere they are ignored like any unknown message
        }
        if (message.typeId() == 1) {
            if (message.length() < 4) {
                throw new ChunkException("Set Chunk Size message has " + message.length() + " bytes, needs 4");
            }
            long size = be32(message.payload()) & ChunkHeaders.MAX_CHUNK_SIZE_FIELD;
            if (size < 1 || size > maxChunkSize) {
                throw new ChunkException("peer announced chunk size " + size + ", allowed is 1.." + maxChunkSize);
            }
            chunkSize = (int) size;
        } else if (message.typeId() == 2) {
            if (message.length() < 4) {
                throw new ChunkException("Abort message has " + message.length() + " bytes, needs 4");
            }
            ChunkStream cs = streams.get((int) be32(message.payload()));
            if (cs != null) {
                cs.payload = null;
            }
        }
    }

    private static long be32(byte[] b) {
        return ((long) (b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection ended inside a chunk header");
        }
        bytesRead++;
        return b;
    }

    private int u24() throws IOException {
        return (u8() << 16) | (u8() << 8) | u8();
    }

    private long u32() throws IOException {
        return ((long) u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    private int u32le() throws IOException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        int got = in.readNBytes(b, off, len);
        bytesRead += got;
        if (got < len) {
            throw new EOFException("connection ended inside a chunk: got " + got + " of " + len + " payload bytes");
        }
    }
}
