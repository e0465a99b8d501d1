package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** A file writer for hub messages. Not thread-safe: one thread writes and closes it. */
public interface MediaRecorder extends Closeable {

    /** Appends one message (whole units reach the disk regularly, not necessarily at once). */
    void write(MediaMessage message) throws IOException;

    /** Pushes buffered whole units to the operating system. */
    void flush() throws IOException;

    /** Finishes the file (trailing data, rewritten header fields) and closes it. */
    @Override
    void close() throws IOException;

    Path file();
}
