package dev.weir.engine.rtmp.chunk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits messages into chunks for one peer (RTMP specification 5.3), choosing the smallest header that says
 * what changed since the last message on the same chunk stream:
 * <ul>
 *   <li>fmt 0 for the first message on a chunk stream, a new message stream id, or a timestamp that goes back;
 *   <li>fmt 1 when only stream id is inherited (length or type changed);
 *   <li>fmt 2 when length and type repeat and only the delta is new;
 *   <li>fmt 3 when the delta repeats too, and for every continuation chunk.
 * </ul>
 * Timestamps or deltas of 0xFFFFFF and above go in the extended field, which fmt 3 chunks repeat.
 *
 * <p>The payload is written straight from the message's array, chunk by chunk: headers are per peer, body
 * bytes are shared, so fanning one message out to many players never copies it into a new array. Not
 * thread-safe: one writer per connection, used under that connection's write lock.
 */
public final class ChunkWriter {
    private final Map<Integer, Sent> sent = new HashMap<>();
    private final byte[] header = new byte[18]; // 3 basic + 11 message + 4 extended
    private int chunkSize = ChunkHeaders.DEFAULT_CHUNK_SIZE;

    /** What was last sent on one chunk stream, to compress the next header against. */
    private static final class Sent {
        long timestamp;
        long timestampField;
        boolean fieldIsDelta;
        int length;
        int typeId;
        int streamId;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** Changes the chunk size for the following messages; send Set Chunk Size to the peer first. */
    public void chunkSize(int size) {
        if (size < 1 || size > ChunkHeaders.MAX_CHUNK_SIZE_FIELD) {
            throw new IllegalArgumentException("chunk size " + size + " out of range");
        }
        chunkSize = size;
    }

    /** Writes one message as chunks to a stream; returns the number of bytes written. */
    public long write(RtmpMessage message, OutputStream out) throws IOException {
        return write(message, new ChunkSink() {
            @Override
            public void header(byte[] bytes, int length) throws IOException {
                out.write(bytes, 0, length);
            }

            @Override
            public void payload(byte[] body, int offset, int length) throws IOException {
                out.write(body, offset, length);
            }
        });
    }

    /** Writes one message as chunks to a sink (headers, then slices of the message's own array); returns the bytes. */
    public long write(RtmpMessage message, ChunkSink out) throws IOException {
        int csid = message.chunkStreamId();
        Sent last = sent.get(csid);
        long timestamp = message.timestamp();
        long delta = last == null ? -1 : timestamp - last.timestamp;

        int fmt;
        long field;
        if (last == null || last.streamId != message.streamId() || delta < 0 || delta > 0xFFFFFFFFL) {
            fmt = ChunkHeaders.FMT_FULL;
            field = Timestamps.toWire(timestamp);
        } else if (last.typeId != message.typeId() || last.length != message.length()) {
            fmt = ChunkHeaders.FMT_NO_STREAM_ID;
            field = delta;
        } else if (!last.fieldIsDelta || last.timestampField != delta) {
            fmt = ChunkHeaders.FMT_DELTA_ONLY;
            field = delta;
        } else {
            fmt = ChunkHeaders.FMT_CONTINUATION;
            field = delta;
        }
        boolean extended = field >= ChunkHeaders.EXTENDED_TIMESTAMP_MARKER;

        if (last == null) {
            last = new Sent();
            sent.put(csid, last);
        }
        last.timestamp = timestamp;
        last.timestampField = field;
        last.fieldIsDelta = fmt != ChunkHeaders.FMT_FULL;
        last.length = message.length();
        last.typeId = message.typeId();
        last.streamId = message.streamId();

        byte[] payload = message.payload();
        long written = 0;
        int offset = 0;
        do {
            int n = basicHeader(fmt, csid);
            if (fmt <= ChunkHeaders.FMT_DELTA_ONLY) {
                n = put24(n, extended ? ChunkHeaders.EXTENDED_TIMESTAMP_MARKER : (int) field);
            }
            if (fmt <= ChunkHeaders.FMT_NO_STREAM_ID) {
                n = put24(n, message.length());
                header[n++] = (byte) message.typeId();
            }
            if (fmt == ChunkHeaders.FMT_FULL) {
                int sid = message.streamId();
                header[n++] = (byte) sid;
                header[n++] = (byte) (sid >>> 8);
                header[n++] = (byte) (sid >>> 16);
                header[n++] = (byte) (sid >>> 24);
            }
            if (extended) {
                header[n++] = (byte) (field >>> 24);
                header[n++] = (byte) (field >>> 16);
                header[n++] = (byte) (field >>> 8);
                header[n++] = (byte) field;
            }
            int len = Math.min(chunkSize, payload.length - offset);
            out.header(header, n);
            if (len > 0) out.payload(payload, offset, len);
            written += n + len;
            offset += len;
            fmt = ChunkHeaders.FMT_CONTINUATION;
        } while (offset < payload.length);
        return written;
    }

    private int basicHeader(int fmt, int csid) {
        if (csid < 64) {
            header[0] = (byte) ((fmt << 6) | csid);
            return 1;
        }
        if (csid < 320) {
            header[0] = (byte) (fmt << 6);
            header[1] = (byte) (csid - 64);
            return 2;
        }
        header[0] = (byte) ((fmt << 6) | 1);
        header[1] = (byte) ((csid - 64) & 0xFF);
        header[2] = (byte) ((csid - 64) >>> 8);
        return 3;
    }

    private int put24(int at, int v) {
        header[at] = (byte) (v >>> 16);
        header[at + 1] = (byte) (v >>> 8);
        header[at + 2] = (byte) v;
        return at + 3;
    }
}
