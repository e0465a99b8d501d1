package dev.weir.engine.hooks;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.json.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSinkTest {
    private HttpServer server;
    private HttpClient client;
    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile int status = 200;
    volatile boolean hang;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().name("test-webhook-", 0).daemon().factory()));
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(ex.getRequestHeaders().getFirst("Content-Type") + " " + ex.getRequestHeaders().getFirst("X-Weir-Event") + " " + body);
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.shutdownNow();
        server.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void postsTheEventAsJson() throws Exception {
        new WebhookSink(url(), client).deliver(HookEventTest.rejected(), Duration.ofSeconds(5));
        String got = received.poll(1, TimeUnit.SECONDS);
        String json = HookEventTest.rejected().toJson().toJson();
        assertEquals("application/json connection_rejected " + json, got);
        assertEquals(HookEventTest.rejected().toJson(), JsonParser.parse(got.substring(got.indexOf('{'))));
    }

    @Test
    void anErrorStatusIsAFailure() {
        status = 500;
        HookFailedException e = assertThrows(HookFailedException.class,
                () -> new WebhookSink(url(), client).deliver(HookEventTest.rejected(), Duration.ofSeconds(5)));
        assertEquals("webhook " + url() + " answered HTTP 500", e.getMessage());
    }

    @Test
    void aHangingServiceIsCutAtTheTimeout() {
        hang = true;
        HookFailedException e = assertThrows(HookFailedException.class,
                () -> new WebhookSink(url(), client).deliver(HookEventTest.rejected(), Duration.ofMillis(300)));
        assertTrue(e.timedOut(), e.getMessage());
    }

    @Test
    void credentialsInTheUrlStayOutOfMessages() {
        status = 500;
        URI withSecrets = URI.create("http://user:hunter2@127.0.0.1:" + server.getAddress().getPort() + "/hook?key=s3cret");
        WebhookSink sink = new WebhookSink(withSecrets, client);
        HookFailedException e = assertThrows(HookFailedException.class, () -> sink.deliver(HookEventTest.rejected(), Duration.ofSeconds(5)));
        assertEquals("webhook " + url() + " answered HTTP 500", e.getMessage());
        assertEquals("webhook " + url(), sink.describe());
    }
}
