package dev.weir.engine.rtmp.server;

import dev.weir.engine.rtmp.chunk.ChunkSink;

import java.io.IOException;

/**
 * The bytes waiting to go to one peer: the {@link dev.weir.engine.rtmp.chunk.ChunkWriter} puts chunks in,
 * {@link #flush()} sends them. {@link GatheringWrites} keeps payloads as views of the shared arrays and sends a
 * batch with one gathering write (sockets with a channel: everything the listener accepts);
 * {@link BufferedWrites} copies into a stream buffer (sockets without one, such as TLS sockets).
 */
sealed interface OutgoingBytes extends ChunkSink permits GatheringWrites, BufferedWrites {

    /** Sends everything put in so far; blocks (parks a virtual thread) until the socket took it all. */
    void flush() throws IOException;
}
