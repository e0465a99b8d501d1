package dev.weir.engine.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The file end of a recorder: collects whole units in memory and hands them to the OS in one write when asked,
 * so the file only ever grows by whole units. What the OS has survives the process being killed.
 */
final class FileSink implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private byte[] buffer = new byte[64 * 1024];
    private int buffered;
    private long written;

    /** Creates the file (and its directory); refuses to overwrite an existing file. */
    FileSink(Path file) throws IOException {
        this.file = file;
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    /** Queues one whole unit. */
    void append(byte[] unit, int offset, int length) {
        if (buffered + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + length));
        }
        System.arraycopy(unit, offset, buffer, buffered, length);
        buffered += length;
    }

    void append(byte[] unit) {
        append(unit, 0, unit.length);
    }

    int buffered() {
        return buffered;
    }

    /** Bytes in the file plus bytes queued. */
    long size() {
        return written + buffered;
    }

    void flush() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, buffered);
        while (b.hasRemaining()) {
            written += channel.write(b);
        }
        buffered = 0;
        if (buffer.length > 1 << 20) {
            buffer = new byte[64 * 1024];
        }
    }

    /** Overwrites bytes already in the file (header fields known only at the end). */
    void overwrite(long position, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long p = position;
        while (b.hasRemaining()) {
            p += channel.write(b, p);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
