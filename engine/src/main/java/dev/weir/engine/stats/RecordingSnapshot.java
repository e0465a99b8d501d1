package dev.weir.engine.stats;

import java.time.Duration;

/**
 * The recording of one stream, as the console and the API show it.
 *
 * @param state     where the recording is
 * @param file      the file being (or last) written, {@code null} before one was opened
 * @param format    {@code flv}, {@code mp4} or {@code ts}; {@code null} before the format is known
 * @param bytes     bytes handed to the file so far
 * @param duration  media time written so far (from the stream's timestamps)
 * @param lastError why it FAILED, in operator words ({@code disk full}, {@code directory not writable}); else {@code null}
 */
public record RecordingSnapshot(State state, String file, String format, long bytes, Duration duration, String lastError) {

    public enum State {
        /** Asked for; waiting for the publisher or for the first sequence header to choose the format. */
        WAITING,
        RECORDING,
        /** Stopped by the operator, or the engine closed; the file is finalized. */
        STOPPED,
        /** Stopped by an error (disk full, unwritable directory); the stream keeps flowing. */
        FAILED
    }
}
