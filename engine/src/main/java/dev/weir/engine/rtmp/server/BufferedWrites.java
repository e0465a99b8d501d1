package dev.weir.engine.rtmp.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Chunks copied into a stream buffer, for sockets without a channel (TLS): one copy per peer, one write per flush. */
final class BufferedWrites implements OutgoingBytes {
    private final OutputStream out;

    BufferedWrites(OutputStream socketOut, int bufferSize) {
        this.out = new BufferedOutputStream(socketOut, bufferSize);
    }

    @Override
    public void header(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public void payload(byte[] body, int offset, int length) throws IOException {
        out.write(body, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
