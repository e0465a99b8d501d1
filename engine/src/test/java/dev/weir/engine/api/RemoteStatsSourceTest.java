package dev.weir.engine.api;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.stats.EngineSnapshot;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteStatsSourceTest {

    @Test
    void mirrorsWhatTheServerServes() throws Exception {
        AtomicReference<EngineSnapshot> served = new AtomicReference<>(SampleSnapshots.fixed());
        try (ApiServer api = ApiServer.start("127.0.0.1:0", served::get, List.of());
             RemoteStatsSource remote = new RemoteStatsSource(URI.create("http://127.0.0.1:" + api.address().getPort()),
                     Duration.ofMillis(50), Duration.ofSeconds(2))) {
            assertSame(EngineSnapshot.EMPTY, remote.snapshot());
            assertFalse(remote.status().connected());

            assertEquals(SampleSnapshots.fixed(), remote.poll());
            assertEquals(SampleSnapshots.fixed(), remote.snapshot());
            assertTrue(remote.status().connected());

            Random r = new Random(3);
            for (int i = 0; i < 20; i++) {
                EngineSnapshot s = SampleSnapshots.random(r);
                served.set(s);
                assertEquals(s, remote.poll());
            }

            // In the background, too.
            served.set(SampleSnapshots.fixed());
            remote.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!remote.snapshot().equals(SampleSnapshots.fixed()) && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(SampleSnapshots.fixed(), remote.snapshot());
        }
    }

    @Test
    void anUnreachableServerIsReportedAndTheLastSnapshotKept() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RemoteStatsSource remote = new RemoteStatsSource(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            RemoteStatsException e = assertThrows(RemoteStatsException.class, remote::poll);
            assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + "/api/v1/snapshot"), e.getMessage());
            assertFalse(remote.status().connected());
            assertEquals(e.getMessage(), remote.status().error());
            assertSame(EngineSnapshot.EMPTY, remote.snapshot());
        }
    }

    @Test
    void somethingThatIsNotWeirIsNamed() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", ex -> {
            byte[] body = (ex.getRequestURI().getPath().equals("/api/v1/snapshot") ? "{\"hello\":1}" : "nope").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        other.start();
        try (RemoteStatsSource remote = new RemoteStatsSource(URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/ignored"),
                Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            RemoteStatsException e = assertThrows(RemoteStatsException.class, remote::poll);
            assertEquals(remote.snapshotUri() + " did not send a weir snapshot: field 'taken_at' is missing", e.getMessage());
        } finally {
            other.stop(0);
        }
    }

    @Test
    void onlyHttpAddresses() {
        assertThrows(IllegalArgumentException.class, () -> new RemoteStatsSource(URI.create("ftp://x:1"), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
