package dev.weir.engine.hooks;

import java.time.Duration;

/**
 * Where an event goes. {@link #deliver} runs on a hook worker thread, may block, and must give up by
 * {@code timeout}: the dispatcher relies on it to keep its workers free.
 */
public sealed interface HookSink permits WebhookSink, ScriptSink, StdioSink {

    /**
     * Delivers one event, waiting at most {@code timeout}.
     *
     * @throws HookFailedException when the target failed, answered an error or ran out of time
     */
    void deliver(HookEvent event, Duration timeout) throws HookFailedException, InterruptedException;

    /** For logs, e.g. {@code webhook http://…/x} or {@code script /opt/on-publish.sh}. */
    String describe();

    /** Releases what the sink holds (HTTP client). */
    default void close() {
    }
}
