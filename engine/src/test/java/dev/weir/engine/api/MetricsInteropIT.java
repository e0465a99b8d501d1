package dev.weir.engine.api;

import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.OpenAccessPolicy;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.hooks.HookDispatcher;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prometheus's own checker, {@code promtool check metrics}, on what {@code /metrics} serves: the format parses
 * with Prometheus's parser and passes its naming lint. Needs {@code promtool} (Debian package {@code prometheus});
 * fails without it, as every interop test does.
 */
class MetricsInteropIT {

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        String body;
        try (AccessControl access = new AccessControl(new OpenAccessPolicy(), null);
             HookDispatcher hooks = HookDispatcher.create(HookSettings.DEFAULTS, System.out);
             ApiServer api = ApiServer.start("127.0.0.1:0", SampleSnapshots::fixed,
                     List.of(new AccessMetrics(access), new HookMetrics(hooks)));
             HttpClient client = HttpClient.newHttpClient()) {
            body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, p.exitValue(), "promtool check metrics said:\n" + out + "\n--- on ---\n" + body);
        assertEquals("", out.strip(), "promtool lint findings");
    }
}
