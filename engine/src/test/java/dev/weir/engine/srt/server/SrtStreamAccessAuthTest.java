package dev.weir.engine.srt.server;

import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.AccessPolicy;
import dev.weir.engine.auth.SrtPassphraseTable;
import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.Limits;
import dev.weir.engine.hooks.HookDispatcher;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.GopCacheLimits;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Access control, the pending decision of the callback mode, and the passphrase file at the SRT handshake. */
class SrtStreamAccessAuthTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS, GopCacheLimits.DEFAULTS, System::nanoTime);

    @TempDir
    Path dir;

    private static SessionServices services(AuthSettings auth, SrtPassphraseTable table) throws Exception {
        return new SessionServices(new AccessControl(AccessPolicy.create(auth), null),
                new HookDispatcher(List.of(), Duration.ofSeconds(1), 1, 1, null, null), table, null);
    }

    private static ConnectionRequest request(String streamId) {
        return new ConnectionRequest(PEER, streamId, 5, 0x010501, false);
    }

    private static int code(AcceptDecision d) {
        return assertInstanceOf(AcceptDecision.Reject.class, d).code().value();
    }

    @Test
    void tokenModeDecidesAtOnceWithTheMappedCodes() throws Exception {
        SrtStreamAccess access = new SrtStreamAccess(hub, new TsFeeds(), services(
                new AuthSettings(AuthMode.TOKEN, Map.of("live/a", "tok"), null, null, null), null), System::nanoTime);
        assertInstanceOf(AcceptDecision.Accept.class, access.decide(request("publish:live/a?token=tok")));
        assertEquals(1401, code(access.decide(request("publish:live/a?token=bad"))));
        assertEquals(1401, code(access.decide(request("#!::r=live/a,m=publish"))));
        assertEquals(1403, code(access.decide(request("#!::r=live/b,m=publish,s=tok"))));
        assertEquals(1415, code(access.decide(request("#!::r=live/a,m=publish,t=tok"))));
        assertEquals(1404, code(access.decide(request("live/a?token=tok"))), "allowed, but nobody publishes");
        assertEquals(0, access.pendingChecks());
    }

    @Test
    void aSlowCallbackIsPendingUntilItAnswersThenTheRepeatGetsTheDecision() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong calls = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(body.contains("\"token\":\"ok\"") ? 200 : 403, -1);
            ex.close();
        });
        server.start();
        try {
            SrtStreamAccess access = new SrtStreamAccess(hub, new TsFeeds(), services(new AuthSettings(AuthMode.CALLBACK,
                    null, null, "http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofSeconds(5)), null),
                    System::nanoTime);
            ConnectionRequest r = request("publish:live/cb?token=ok");
            assertSame(AcceptDecision.pending(), access.decide(r));
            assertSame(AcceptDecision.pending(), access.decide(r), "a repeat before the answer is still pending");
            assertEquals(1, access.pendingChecks());
            release.countDown();
            AcceptDecision d = AcceptDecision.pending();
            for (int i = 0; i < 200 && d == AcceptDecision.pending(); i++) {
                Thread.sleep(10);
                d = access.decide(r);
            }
            assertInstanceOf(AcceptDecision.Accept.class, d);
            assertEquals(1, calls.get(), "one callback for all the repeats");
            assertEquals(0, access.pendingChecks(), "collected");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void abandonedChecksAreForgotten() throws Exception {
        long[] now = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch never = new CountDownLatch(1);
        server.createContext("/", ex -> {
            try {
                never.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            SrtStreamAccess access = new SrtStreamAccess(hub, new TsFeeds(), services(new AuthSettings(AuthMode.CALLBACK,
                    null, null, "http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofSeconds(5)), null),
                    () -> now[0]);
            access.decide(request("publish:live/x?token=a"));
            assertEquals(1, access.pendingChecks());
            now[0] = TimeUnit.SECONDS.toNanos(SrtStreamAccess.PENDING_FORGET_SECONDS + 1);
            access.decide(request("publish:live/y?token=a"));
            assertEquals(1, access.pendingChecks(), "the old one is gone, the new one waits");
        } finally {
            never.countDown();
            server.stop(0);
        }
    }

    @Test
    void aPassphraseFileGivesTheStreamsPassphraseAndRefusesOthersWith1403() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"live/p\": \"passphrase-of-p\"}");
        SrtStreamAccess access = new SrtStreamAccess(hub, new TsFeeds(),
                services(AuthSettings.DEFAULTS, SrtPassphraseTable.load(file)), System::nanoTime);
        AcceptDecision.Accept ok = assertInstanceOf(AcceptDecision.Accept.class, access.decide(request("publish:live/p")));
        assertEquals(Passphrase.of("passphrase-of-p"), ok.passphraseOverride());
        assertEquals(1403, code(access.decide(request("publish:live/q"))));
        hub.publish(StreamKey.parse("live/p"), new PeerInfo("x", Protocol.RTMP, "a:1"));
        assertEquals(1409, code(access.decide(request("publish:live/p"))));
        assertInstanceOf(AcceptDecision.Accept.class, access.decide(request("live/p")));
    }
}
