package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.mp4.Fmp4Muxer;
import dev.weir.engine.media.mp4.Mp4Exception;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records hub messages as fragmented MP4 ({@link Fmp4Muxer}): init segment first, then a {@code moof}+{@code mdat}
 * per GOP (at most 2 s), each handed to the OS as soon as it is complete. A killed writer leaves a file that
 * plays up to its last whole fragment.
 */
public final class Fmp4Recorder implements MediaRecorder {
    private final FileSink sink;
    private final Fmp4Muxer muxer = new Fmp4Muxer();
    private boolean closed;

    private Fmp4Recorder(FileSink sink) {
        this.sink = sink;
    }

    /** Creates {@code file} (never overwriting); nothing is written until the first frame. */
    public static Fmp4Recorder create(Path file) throws IOException {
        return new Fmp4Recorder(new FileSink(file));
    }

    @Override
    public Path file() {
        return sink.file();
    }

    @Override
    public void write(MediaMessage message) throws IOException {
        if (closed) {
            throw new IOException("recording " + sink.file() + " is closed");
        }
        try {
            for (byte[] chunk : muxer.accept(message)) {
                sink.append(chunk);
                sink.flush();
            }
        } catch (Mp4Exception e) {
            throw new IOException("cannot record " + sink.file().getFileName() + " as MP4: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    /** Messages the MP4 could not take (frames before the keyframe, codecs it cannot hold). */
    public long droppedMessages() {
        return muxer.droppedMessages();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (byte[] chunk : muxer.finish()) {
                sink.append(chunk);
            }
        } finally {
            sink.close();
        }
    }
}
