package dev.weir.engine.auth;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackAccessPolicyTest {
    private HttpServer server;
    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().name("test-auth-server-", 0).daemon().factory()));
        server.createContext("/validate", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/validate");
    }

    private static AccessRequest play() {
        return new AccessRequest(AccessAction.PLAY, Protocol.SRT, "live/stream1", "secret123", "127.0.0.1:40000", "srt-9");
    }

    @Test
    void postsTheRequestAsJsonAnd2xxAllows() throws Exception {
        try (CallbackAccessPolicy p = new CallbackAccessPolicy(url(), Duration.ofSeconds(2), 4)) {
            status.set(204);
            assertTrue(p.decide(play()).get(3, TimeUnit.SECONDS).allowed());
            JsonObject body = JsonParser.parseObject(bodies.poll(1, TimeUnit.SECONDS));
            assertEquals("play", body.string("action"));
            assertEquals("live", body.string("app"));
            assertEquals("stream1", body.string("stream_name"));
            assertEquals("live/stream1", body.string("stream_key"));
            assertEquals("secret123", body.string("token"));
            assertEquals("127.0.0.1:40000", body.string("remote_addr"));
            assertEquals("srt", body.string("protocol"));
            assertEquals("srt-9", body.string("connection_id"));
        }
    }

    @Test
    void non2xxDeniesWithTheStatus() throws Exception {
        try (CallbackAccessPolicy p = new CallbackAccessPolicy(url(), Duration.ofSeconds(2), 4)) {
            status.set(403);
            AccessDecision d = p.decide(play()).get(3, TimeUnit.SECONDS);
            assertEquals(new AccessDecision.Denied(DenyReason.CALLBACK_REJECTED, "auth callback answered HTTP 403"), d);
        }
    }

    @Test
    void aHangingCallbackIsDeniedAtItsTimeoutAndAFullPoolDeniesAtOnce() throws Exception {
        hang = true;
        try (CallbackAccessPolicy p = new CallbackAccessPolicy(url(), Duration.ofMillis(300), 1)) {
            var first = p.decide(play());
            // Only one call may be in flight: the second is refused without waiting.
            AccessDecision second = p.decide(play()).getNow(null);
            assertNotNull(second, "the second decision must complete at once");
            assertEquals(DenyReason.CALLBACK_UNAVAILABLE, ((AccessDecision.Denied) second).reason());
            assertEquals("more than 1 auth callbacks in flight", ((AccessDecision.Denied) second).detail());

            AccessDecision d = first.get(3, TimeUnit.SECONDS);
            AccessDecision.Denied denied = (AccessDecision.Denied) d;
            assertEquals(DenyReason.CALLBACK_UNAVAILABLE, denied.reason());
            assertTrue(denied.detail().contains("timed out after 300 ms"), denied.detail());
        }
    }

    @Test
    void anUnreachableServiceIsDenied() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (CallbackAccessPolicy p = new CallbackAccessPolicy(URI.create("http://127.0.0.1:" + port + "/x"), Duration.ofSeconds(2), 4)) {
            AccessDecision.Denied d = (AccessDecision.Denied) p.decide(play()).get(3, TimeUnit.SECONDS);
            assertEquals(DenyReason.CALLBACK_UNAVAILABLE, d.reason());
            assertFalse(d.detail().contains("secret123"));
        }
    }
}
