package dev.weir.engine.rtmp.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Arrays;

/**
 * Chunks kept as a list of buffers and sent with one gathering write per flush: chunk headers are copied into a
 * small per-peer area (a few bytes per chunk), payload slices stay views of the message's shared array, so a
 * message goes to any number of players without its body being copied into per-player buffers. (The JDK still
 * copies a heap array into its per-carrier temporary direct buffer inside each socket write; see
 * docs/performance.md for why bodies are not kept off-heap.) Holds nothing between flushes but the header area
 * and the (emptied) list, so an idle player costs a few KiB.
 *
 * <p>Not thread-safe: used under the connection's write lock.
 */
final class GatheringWrites implements OutgoingBytes {
    /** Room for the headers of a batch (a message's first header is at most 18 bytes, a continuation's 1 to 7). */
    static final int HEADER_AREA = 4 * 1024;
    /** Buffers per gathering write at most (the kernel takes up to 1024 iovecs). */
    static final int MAX_BUFFERS = 256;

    private final GatheringByteChannel channel;
    private final byte[] headers = new byte[HEADER_AREA];
    private int headersUsed;
    private int runStart = -1; // start of the header bytes not yet in a view, -1 when none
    private final ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS];
    private int count;

    GatheringWrites(GatheringByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public void header(byte[] bytes, int length) throws IOException {
        if (headersUsed + length > HEADER_AREA || count >= MAX_BUFFERS - 1) flush();
        if (runStart < 0) runStart = headersUsed;
        System.arraycopy(bytes, 0, headers, headersUsed, length);
        headersUsed += length;
    }

    @Override
    public void payload(byte[] body, int offset, int length) throws IOException {
        if (count >= MAX_BUFFERS - 2) flush();
        closeHeaderRun();
        buffers[count++] = ByteBuffer.wrap(body, offset, length);
    }

    private void closeHeaderRun() {
        if (runStart >= 0) {
            buffers[count++] = ByteBuffer.wrap(headers, runStart, headersUsed - runStart);
            runStart = -1;
        }
    }

    @Override
    public void flush() throws IOException {
        closeHeaderRun();
        int first = 0;
        while (first < count) {
            channel.write(buffers, first, count - first);
            while (first < count && !buffers[first].hasRemaining()) first++;
        }
        Arrays.fill(buffers, 0, count, null);
        count = 0;
        headersUsed = 0;
    }

    /** The buffers a flush would write now, for tests: each payload is a view of the message's own array. */
    ByteBuffer[] pending() {
        closeHeaderRun();
        return Arrays.copyOf(buffers, count);
    }
}
