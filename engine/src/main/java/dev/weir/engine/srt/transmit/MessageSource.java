package dev.weir.engine.srt.transmit;

import java.io.IOException;

/** Where {@code weir transmit} reads messages from. */
interface MessageSource extends AutoCloseable {

    /** Reads one message; returns its length, or -1 at the end of the input. */
    int read(byte[] buffer) throws IOException;

    /** Moves every message to {@code sink} until the input ends or the source is closed. */
    default void transferTo(MessageSink sink) throws IOException {
        byte[] buffer = new byte[65_536];
        while (true) {
            int n = read(buffer);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                sink.write(buffer, n);
            }
        }
    }

    @Override
    void close();
}
