package dev.weir.engine.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Records an SRT source's transport stream as received. Bytes arrive in any chunking (SRT payloads are usually
 * 1316 bytes); only whole 188-byte packets that start with the sync byte reach the file, and bytes between them
 * are skipped, so the file is always packet-aligned. Handed to the OS every {@link #FLUSH_INTERVAL_NANOS} (by the
 * injected clock) or every 64 KiB, whichever is first.
 */
public final class TsRecorder implements Closeable {
    public static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;
    private static final int PACKET = 188;
    private static final int FLUSH_BYTES = 64 * 1024;

    private final FileSink sink;
    private final LongSupplier nanoClock;
    private final byte[] partial = new byte[PACKET];
    private int partialLength;
    private long lastFlush;
    private long skippedBytes;
    private boolean closed;

    private TsRecorder(FileSink sink, LongSupplier nanoClock) {
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.lastFlush = nanoClock.getAsLong();
    }

    public static TsRecorder create(Path file, LongSupplier nanoClock) throws IOException {
        return new TsRecorder(new FileSink(file), nanoClock);
    }

    public static TsRecorder create(Path file) throws IOException {
        return create(file, System::nanoTime);
    }

    public Path file() {
        return sink.file();
    }

    /** Bytes dropped because they were not part of a sync-aligned packet. */
    public long skippedBytes() {
        return skippedBytes;
    }

    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("recording " + sink.file() + " is closed");
        }
        int p = offset;
        int end = offset + length;
        while (p < end) {
            if (partialLength == 0) {
                if (data[p] != 0x47) {
                    skippedBytes++;
                    p++;
                    continue;
                }
                if (end - p >= PACKET) {
                    sink.append(data, p, PACKET);
                    p += PACKET;
                    continue;
                }
            }
            int take = Math.min(PACKET - partialLength, end - p);
            System.arraycopy(data, p, partial, partialLength, take);
            partialLength += take;
            p += take;
            if (partialLength == PACKET) {
                sink.append(partial, 0, PACKET);
                partialLength = 0;
            }
        }
        long now = nanoClock.getAsLong();
        if (sink.buffered() >= FLUSH_BYTES || now - lastFlush >= FLUSH_INTERVAL_NANOS) {
            sink.flush();
            lastFlush = now;
        }
    }

    public void flush() throws IOException {
        sink.flush();
    }

    /** Writes the whole packets held; a trailing partial packet is dropped. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        skippedBytes += partialLength;
        sink.close();
    }
}
