package dev.weir.engine.rtmp.chunk;

import java.io.IOException;

/**
 * Where {@link ChunkWriter} puts a message's chunks: each chunk is a header (this peer's) followed by a slice of
 * the message's payload array (shared by every peer the message goes to). A sink that keeps payload slices as
 * views and hands them to a gathering write sends a message to many players without copying its body.
 */
public interface ChunkSink {

    /** A chunk header; {@code bytes} is reused by the writer, so copy what you keep. */
    void header(byte[] bytes, int length) throws IOException;

    /** A slice of the payload: the message's own array, never modified; keep a view, not a copy. */
    void payload(byte[] body, int offset, int length) throws IOException;
}
