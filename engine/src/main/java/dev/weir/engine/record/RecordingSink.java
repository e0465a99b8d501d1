package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Puts a {@link MediaRecorder} between the hub and the disk without letting disk trouble reach the publisher:
 * {@link #accept} never throws. The first {@link IOException} (disk full, directory gone, permissions) stops the
 * recording, closes the file (keeping what was written) and is reported once to the failure callback, which the
 * owner turns into an operator-visible event.
 */
public final class RecordingSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingSink.class);

    /** Why a recording stopped early. */
    public record Failure(String context, Path file, IOException cause) {
        public String message() {
            return "recording of " + context + " to " + file + " stopped: " + cause.getMessage();
        }
    }

    private final String context;
    private final MediaRecorder recorder;
    private final Consumer<Failure> onFailure;
    private boolean failed;
    private boolean closed;

    /**
     * @param context   the stream, for messages (for example its stream key)
     * @param onFailure called at most once, on the writing thread
     */
    public RecordingSink(String context, MediaRecorder recorder, Consumer<Failure> onFailure) {
        this.context = Objects.requireNonNull(context);
        this.recorder = Objects.requireNonNull(recorder);
        this.onFailure = Objects.requireNonNull(onFailure);
    }

    public void accept(MediaMessage message) {
        if (failed || closed) {
            return;
        }
        try {
            recorder.write(message);
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new IOException("recorder failed: " + e, e));
        }
    }

    /** True once a failure has stopped the recording. */
    public boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            return;
        }
        try {
            recorder.close();
        } catch (IOException e) {
            failed = true;
            report(e);
        }
    }

    private void fail(IOException e) {
        failed = true;
        try {
            recorder.close();
        } catch (IOException | RuntimeException closing) {
            e.addSuppressed(closing);
        }
        report(e);
    }

    private void report(IOException e) {
        Failure failure = new Failure(context, recorder.file(), e);
        log.warn("{}", failure.message());
        try {
            onFailure.accept(failure);
        } catch (RuntimeException callbackBug) {
            log.error("{}: the recording failure callback threw", context, callbackBug);
        }
    }
}
