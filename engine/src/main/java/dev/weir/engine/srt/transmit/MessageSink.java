package dev.weir.engine.srt.transmit;

import java.io.IOException;

/** Where {@code weir transmit} writes messages to. */
interface MessageSink extends AutoCloseable {

    void write(byte[] buffer, int length) throws IOException;

    @Override
    void close();
}
