package dev.weir.engine.rtmp.server;

import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.stats.ConnectionCounters;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything written to one peer goes through here: the reader thread sends control messages and command
 * replies, a player's writer thread sends media. A lock keeps their chunks from interleaving (a
 * {@link ReentrantLock}, which parks a virtual thread without pinning its carrier).
 *
 * <p>Writes collect in {@link OutgoingBytes} and reach the socket on {@link #flush()}, so a player's writer can
 * send a batch of messages with one system call; on a socket with a channel (what the listener accepts) that is a
 * gathering write whose payload buffers are views of the hub's shared arrays. The time a write or flush started
 * is kept so the reader's watchdog can close a connection whose peer stopped reading (a blocking socket write
 * has no timeout of its own).
 */
final class ConnectionOutput {
    /** Stream buffer for sockets without a channel (TLS): holds a burst, so a batch is still one write. */
    static final int STREAM_BUFFER = 64 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final OutgoingBytes out;
    private final ChunkWriter chunks = new ChunkWriter();
    private final ConnectionCounters counters;
    private final Duration stallLimit;
    private volatile long writeStartedNanos; // 0 when no write is in progress

    /**
     * @param stallLimit how long {@link #send} waits for a player's writer that is stuck in a write before it
     *                   gives up (the connection is then closed): the reader thread must never hang on it
     */
    ConnectionOutput(Socket socket, ConnectionCounters counters, Duration stallLimit) throws IOException {
        this(socket.getChannel() != null ? new GatheringWrites(socket.getChannel())
                : new BufferedWrites(socket.getOutputStream(), STREAM_BUFFER), counters, stallLimit);
    }

    ConnectionOutput(OutgoingBytes out, ConnectionCounters counters, Duration stallLimit) {
        this.out = out;
        this.counters = counters;
        this.stallLimit = stallLimit;
    }

    /** Sends one message now. */
    void send(RtmpMessage message) throws IOException {
        lockWithin(stallLimit);
        try {
            write(message);
            flush();
        } finally {
            lock.unlock();
        }
    }

    /** Announces and switches to a new outgoing chunk size. */
    void changeChunkSize(int size) throws IOException {
        lockWithin(stallLimit);
        try {
            write(new ProtocolControl.SetChunkSize(size).toMessage());
            chunks.chunkSize(size);
            flush();
        } finally {
            lock.unlock();
        }
    }

    private void lockWithin(Duration limit) throws IOException {
        try {
            if (!lock.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("peer has not read anything for " + limit.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write");
        }
    }

    /** For batches: hold the lock, {@link #write} several messages, {@link #flush}, unlock. */
    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Writes into the buffer; the caller holds the lock. */
    void write(RtmpMessage message) throws IOException {
        writeStartedNanos = System.nanoTime();
        try {
            counters.addBytesOut(chunks.write(message, out));
        } finally {
            writeStartedNanos = 0;
        }
    }

    /** Pushes the buffer to the socket; the caller holds the lock. */
    void flush() throws IOException {
        writeStartedNanos = System.nanoTime();
        try {
            out.flush();
        } finally {
            writeStartedNanos = 0;
        }
    }

    /** Nanos since a write that is still blocked began, or 0. */
    long stalledNanos(long now) {
        long started = writeStartedNanos;
        return started == 0 ? 0 : now - started;
    }
}
