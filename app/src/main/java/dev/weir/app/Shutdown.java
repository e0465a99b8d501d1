package dev.weir.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGINT and SIGTERM into an orderly stop: the action runs once and the caller closes its resources
 * (listeners, recordings) on its own thread before exiting 0. A shutdown hook covers JVMs where the signal
 * API is not available.
 */
final class Shutdown {
    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {}

    /**
     * Runs {@code action} once on SIGINT, SIGTERM or JVM shutdown. On JVM shutdown the hook then waits (up to
     * ten seconds) for {@code finished}, so that the caller's cleanup completes before the JVM halts.
     */
    static void onSignal(Runnable action, java.util.concurrent.CountDownLatch finished) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (!done) {
                    done = true;
                    action.run();
                }
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    log.info("received SIG{}", sig.getName());
                    once.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("signal {} cannot be handled here: {}", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            once.run();
            try {
                finished.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "weir-shutdown"));
    }
}
