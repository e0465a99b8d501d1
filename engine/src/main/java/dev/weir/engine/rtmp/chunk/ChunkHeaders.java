package dev.weir.engine.rtmp.chunk;

/**
 * Constants of the chunk header (RTMP specification 5.3.1): a basic header carrying the format (fmt) and the
 * chunk stream id, then a message header of 11, 7, 3 or 0 bytes for fmt 0, 1, 2, 3, then an optional 4-byte
 * extended timestamp when the 24-bit field holds 0xFFFFFF.
 */
public final class ChunkHeaders {
    private ChunkHeaders() {}

    /** fmt 0: timestamp, length, type id, message stream id (11 bytes). Starts a chunk stream, or resets it. */
    public static final int FMT_FULL = 0;
    /** fmt 1: timestamp delta, length, type id (7 bytes); the message stream id is inherited. */
    public static final int FMT_NO_STREAM_ID = 1;
    /** fmt 2: timestamp delta only (3 bytes). */
    public static final int FMT_DELTA_ONLY = 2;
    /** fmt 3: no message header: a continuation chunk, or a new message that repeats everything. */
    public static final int FMT_CONTINUATION = 3;

    /** The 24-bit timestamp field value meaning "the real value follows as a 32-bit extended timestamp". */
    public static final int EXTENDED_TIMESTAMP_MARKER = 0xFFFFFF;
    public static final int MAX_CHUNK_STREAM_ID = 65599;
    /** Chunk size every connection starts with, in both directions. */
    public static final int DEFAULT_CHUNK_SIZE = 128;
    /** Upper bound the spec allows for a chunk size announcement (31 bits); limits narrow it. */
    public static final int MAX_CHUNK_SIZE_FIELD = 0x7FFFFFFF;
}
