package dev.weir.engine.hooks;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookDispatcherTest {
    @TempDir
    Path dir;
    private HttpServer server;
    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().name("test-webhook-", 0).daemon().factory()));
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    static HookEvent event(HookEventType type, String key) {
        return HookEvent.now(type, key, Protocol.RTMP, "127.0.0.1:40000", "rtmp-1", Map.of());
    }

    @Test
    void eachKindFiresForItsEvent() throws Exception {
        Path out = dir.resolve("script-ran");
        Path s = ScriptSinkTest.script(dir, "on-publish.sh", "echo \"$WEIR_EVENT $WEIR_STREAM_KEY\" >> '" + out + "'");
        HookSettings settings = new HookSettings(
                List.of(HookSettings.Binding.parse("publish_start=" + s)),
                List.of(HookSettings.Binding.parse("publish_start=" + url())),
                "json", Duration.ofSeconds(5), 2);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (HookDispatcher hooks = HookDispatcher.create(settings, new PrintStream(stdout, true, StandardCharsets.UTF_8))) {
            assertTrue(hooks.fire(event(HookEventType.PUBLISH_START, "live/a")));
            assertTrue(hooks.fire(event(HookEventType.PLAY_START, "live/b")));
            String body = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(body);
            assertTrue(body.contains("\"type\":\"publish_start\"") && body.contains("\"stream_key\":\"live/a\""), body);
            assertNull(received.poll(300, TimeUnit.MILLISECONDS), "the webhook is bound to publish_start only");
        } // close waits for the queued deliveries
        assertEquals("publish_start live/a\n", Files.readString(out));
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, "stdio sees every event");
    }

    @Test
    void aFullQueueDropsWithoutBlocking() throws Exception {
        hang = true;
        HttpClient client = HttpClient.newHttpClient();
        HookDispatcher hooks = new HookDispatcher(
                List.of(new HookDispatcher.Route(null, new WebhookSink(URI.create(url()), client))),
                Duration.ofSeconds(10), 1, 2, client, null);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertTrue(hooks.fire(event(HookEventType.PUBLISH_START, "live/1")));
                assertNotNull(received.poll(5, TimeUnit.SECONDS), "the only worker is now stuck in the webhook");
                assertTrue(hooks.fire(event(HookEventType.PUBLISH_START, "live/2")));
                assertTrue(hooks.fire(event(HookEventType.PUBLISH_START, "live/3")));
                assertFalse(hooks.fire(event(HookEventType.PUBLISH_START, "live/4")));
                assertFalse(hooks.fire(event(HookEventType.PUBLISH_START, "live/5")));
            });
            assertEquals(2, hooks.droppedCount());
            assertEquals(3, hooks.queuedCount());
            assertEquals(2, hooks.pendingCount());
        } finally {
            release.countDown();
            hooks.close();
        }
        assertEquals(3, hooks.succeededCount());
    }

    @Test
    void aHangingHookIsCountedAsTimedOutAndFreesItsWorker() throws Exception {
        hang = true;
        HookSettings settings = new HookSettings(List.of(), List.of(HookSettings.Binding.parse("play_stop=" + url())),
                null, Duration.ofMillis(300), 1);
        try (HookDispatcher hooks = HookDispatcher.create(settings, System.out)) {
            hooks.fire(event(HookEventType.PLAY_STOP, "live/1"));
            hooks.fire(event(HookEventType.PLAY_STOP, "live/2"));
            assertNotNull(received.poll(5, TimeUnit.SECONDS));
            assertNotNull(received.poll(5, TimeUnit.SECONDS), "the second delivery ran after the first was cut");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (hooks.timedOutCount() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(2, hooks.timedOutCount());
            assertEquals(0, hooks.succeededCount());
        }
    }
}
