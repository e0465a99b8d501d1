package dev.weir.engine.ops;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.testing.PeerProcess;

import java.time.Duration;

/** Waiting for what real peers cause, for the ops interop tests. */
final class OpsPeers {
    private OpsPeers() {}

    static int port(String listenerId) {
        return Integer.parseInt(listenerId.substring(listenerId.lastIndexOf(':') + 1));
    }

    /** Waits until {@code key} is published (or fails with the publisher's log). */
    static void awaitPublished(WeirEngine engine, String key, PeerProcess publisher) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (isPublished(engine, key)) return;
            if (publisher != null && !publisher.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError(key + " was not published" + (publisher == null ? "" : "\n" + publisher.logTail()));
    }

    static boolean isPublished(WeirEngine engine, String key) {
        return engine.sampleStats().streams().stream()
                .anyMatch(s -> s.key().equals(key) && s.state() == StreamSnapshot.StreamState.PUBLISHING);
    }

    /** Waits for a refused peer to give up; returns its log. */
    static String awaitRefused(PeerProcess peer) {
        int code = peer.await(Duration.ofSeconds(20));
        if (code == 0) throw new AssertionError("the peer was expected to be refused\n" + peer.logTail());
        return peer.log();
    }
}
