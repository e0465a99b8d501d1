package dev.weir.engine.srt.transmit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** stdin as a source (read in chunks of the SRT payload size, 1316 = 7 TS packets) and stdout as a sink. */
final class StdioEnds {

    private StdioEnds() {
    }

    static MessageSource source(InputStream in, int chunk) {
        return new MessageSource() {
            @Override
            public int read(byte[] buffer) throws IOException {
                int n = in.readNBytes(buffer, 0, Math.min(chunk, buffer.length));
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {
                // stdin belongs to the process
            }
        };
    }

    static MessageSink sink(OutputStream out) {
        return new MessageSink() {
            @Override
            public void write(byte[] buffer, int length) throws IOException {
                out.write(buffer, 0, length);
                out.flush();
            }

            @Override
            public void close() {
                try {
                    out.flush();
                } catch (IOException e) {
                    // stdout closed by the reader: nothing to do
                }
            }
        };
    }
}
