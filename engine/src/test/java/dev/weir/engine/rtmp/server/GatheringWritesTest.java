package dev.weir.engine.rtmp.server;

import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The players' write path: what a gathering write (or, for sockets without a channel, the stream buffer) sends
 * is byte for byte what the chunk writer writes to a stream, and a body sent to several players is never copied
 * for them: their payload buffers are views of the message's own array.
 */
class GatheringWritesTest {

    @Test
    void sendsTheSameBytesAsTheStreamWriter() throws IOException {
        Random random = new Random(7);
        List<RtmpMessage> messages = new ArrayList<>();
        long ts = 0;
        for (int i = 0; i < 300; i++) {
            byte[] body = new byte[random.nextInt(i % 10 == 0 ? 40_000 : 2_000) + 1];
            random.nextBytes(body);
            messages.add(new RtmpMessage(i % 3 == 0 ? 4 : 6, i % 3 == 0 ? 8 : 9, 1, ts += random.nextInt(40), body));
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ChunkWriter streamWriter = new ChunkWriter();
        streamWriter.chunkSize(4096);
        for (RtmpMessage m : messages) streamWriter.write(m, expected);

        RecordingChannel channel = new RecordingChannel(1000); // partial writes, as a full socket gives
        GatheringWrites out = new GatheringWrites(channel);
        ChunkWriter writer = new ChunkWriter();
        writer.chunkSize(4096);
        long counted = 0;
        for (int i = 0; i < messages.size(); i++) {
            counted += writer.write(messages.get(i), out);
            if (i % 7 == 6) out.flush(); // batches of several messages, as the player pump writes them
        }
        out.flush();

        assertArrayEquals(expected.toByteArray(), channel.bytes.toByteArray());
        assertEquals(expected.size(), counted);
    }

    @Test
    void socketsWithoutAChannelGetTheSameBytesThroughTheStreamBuffer() throws IOException {
        List<RtmpMessage> messages = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] body = new byte[random.nextInt(100_000) + 1];
            random.nextBytes(body);
            messages.add(new RtmpMessage(6, 9, 1, i * 40L, body));
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ChunkWriter streamWriter = new ChunkWriter();
        for (RtmpMessage m : messages) streamWriter.write(m, expected);

        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        BufferedWrites out = new BufferedWrites(socket, ConnectionOutput.STREAM_BUFFER);
        ChunkWriter writer = new ChunkWriter();
        for (RtmpMessage m : messages) writer.write(m, out);
        out.flush();

        assertArrayEquals(expected.toByteArray(), socket.toByteArray());
    }

    @Test
    void playersPayloadBuffersAreViewsOfTheSharedBody() throws IOException {
        byte[] body = new byte[10_000];
        new Random(1).nextBytes(body);
        RtmpMessage message = new RtmpMessage(6, 9, 1, 40, body);

        int payloads = 0;
        for (int player = 0; player < 3; player++) {
            GatheringWrites out = new GatheringWrites(new RecordingChannel(Integer.MAX_VALUE));
            ChunkWriter writer = new ChunkWriter();
            writer.chunkSize(4096);
            writer.write(message, out);
            int offset = 0;
            for (ByteBuffer b : out.pending()) {
                if (b.array() == body) {
                    assertEquals(offset, b.position(), "chunk payloads follow each other through the body");
                    offset += b.remaining();
                    payloads++;
                } else {
                    assertTrue(b.remaining() <= 18, "anything else is chunk headers, got " + b.remaining() + " bytes");
                }
            }
            assertEquals(body.length, offset, "the whole body goes out as views of the shared array");
        }
        assertEquals(9, payloads, "3 players x 3 chunks, none copied");
    }

    /** A channel that takes at most {@code perWrite} bytes per call and keeps them. */
    private static final class RecordingChannel implements GatheringByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int perWrite;

        RecordingChannel(int perWrite) {
            this.perWrite = perWrite;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long n = 0;
            for (int i = offset; i < offset + length && n < perWrite; i++) n += write(srcs[i], perWrite - n);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            return (int) write(src, perWrite);
        }

        private long write(ByteBuffer src, long max) {
            int n = (int) Math.min(src.remaining(), max);
            for (int i = 0; i < n; i++) bytes.write(src.get());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
