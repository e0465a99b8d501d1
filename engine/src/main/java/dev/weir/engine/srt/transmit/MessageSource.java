package dev.weir.engine.srt.transmit;

import java.io.IOException;

/** Where {@code weir transmit} reads messages from. */
interface MessageSource extends AutoCloseable {

    /** Reads one message; returns its length, or -1 at the end of the input. */
    int read(byte[] buffer) throws IOException;

    @Override
    void close();
}
