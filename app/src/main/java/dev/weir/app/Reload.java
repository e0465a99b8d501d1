package dev.weir.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP re-reads the files that may change while the server runs (auth tokens, SRT passphrases), as the seed
 * server does. The action runs on its own thread, one reload at a time; running streams are not touched.
 */
final class Reload {
    private static final Logger log = LoggerFactory.getLogger(Reload.class);

    private Reload() {}

    static void onSighup(Runnable reload) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> Thread.ofPlatform().name("weir-reload").start(() -> {
                synchronized (Reload.class) {
                    log.info("received SIGHUP: reloading the auth and SRT passphrase files");
                    try {
                        reload.run();
                    } catch (RuntimeException e) {
                        log.error("reload failed", e);
                    }
                }
            }));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.debug("SIGHUP cannot be handled here: {}", e.getMessage());
        }
    }
}
