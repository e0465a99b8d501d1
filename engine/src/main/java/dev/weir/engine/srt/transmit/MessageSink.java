package dev.weir.engine.srt.transmit;

import java.io.IOException;

/** Where {@code weir transmit} writes messages to. */
interface MessageSink extends AutoCloseable {

    void write(byte[] buffer, int length) throws IOException;

    /**
     * True when {@link #write} never waits (a UDP socket): a source may then call it from its own protocol thread
     * rather than hand each message to the transmit's thread first.
     */
    default boolean writesWithoutWaiting() {
        return false;
    }

    @Override
    void close();
}
