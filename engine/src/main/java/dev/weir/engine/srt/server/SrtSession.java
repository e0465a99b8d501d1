package dev.weir.engine.srt.server;

/** One accepted SRT connection's work (publishing or playing), run on its own named thread. */
sealed interface SrtSession extends AutoCloseable permits SrtPublisherSession, SrtPlayerSession {

    /** Runs until the peer leaves, the stream ends it, or {@link #close()}. */
    void run();

    /** Closes the connection; {@link #run()} then returns. Idempotent, callable from any thread. */
    @Override
    void close();
}
