package dev.weir.engine.relay;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.convert.FlvToTs;
import dev.weir.engine.media.ts.SrtPayloadGrouper;
import dev.weir.engine.rtmp.client.RtmpPublishClient;
import dev.weir.engine.srt.socket.SrtCaller;
import dev.weir.engine.srt.socket.SrtConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** One open connection to a relay destination. Used from the relay's thread only. */
sealed interface RelayOutput extends AutoCloseable {
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A destination that accepts nothing for this long is given up (and retried after the backoff). */
    Duration STALL_LIMIT = Duration.ofSeconds(10);

    /** Sends one hub message (FLV tag-body form). */
    void send(MediaMessage message) throws IOException;

    /** Nothing more is waiting: push out what is buffered. */
    void flush() throws IOException;

    /** Media bytes handed to the connection so far. */
    long bytesSent();

    @Override
    void close();

    static RelayOutput open(RelayTarget target, String context) throws IOException {
        return switch (target) {
            case RelayTarget.Rtmp r -> new Rtmp(RtmpPublishClient.publish(r.target(), CONNECT_TIMEOUT, 4096, STALL_LIMIT));
            case RelayTarget.Srt s -> new Srt(SrtCaller.connect(s.url()), context);
        };
    }

    /** RTMP or RTMPS: the messages go as they are. */
    final class Rtmp implements RelayOutput {
        private final RtmpPublishClient client;

        Rtmp(RtmpPublishClient client) {
            this.client = client;
        }

        @Override
        public void send(MediaMessage message) throws IOException {
            client.write(message);
        }

        @Override
        public void flush() throws IOException {
            client.flush();
        }

        @Override
        public long bytesSent() {
            return client.bytesSent();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** SRT: MPEG-TS muxed from the messages ({@link FlvToTs}), seven 188-byte packets per SRT message. */
    final class Srt implements RelayOutput {
        private final SrtConnection connection;
        private final FlvToTs muxer;
        private final SrtPayloadGrouper grouper;
        private volatile long bytes;   // written by the relay thread, read by the stats sampler

        Srt(SrtConnection connection, String context) {
            this.connection = connection;
            this.grouper = new SrtPayloadGrouper(payload -> {
                try {
                    connection.write(payload, 0, payload.length, STALL_LIMIT.toMillis());
                    bytes += payload.length;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            this.muxer = new FlvToTs(context, grouper);
        }

        @Override
        public void send(MediaMessage message) throws IOException {
            if (!connection.isOpen()) throw new IOException("SRT connection closed (" + connection.state() + ")");
            try {
                muxer.accept(message);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                grouper.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public long bytesSent() {
            return bytes;
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
