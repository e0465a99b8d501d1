package dev.weir.engine.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weir.engine.ListenerException;
import dev.weir.engine.config.ListenAddress;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StatsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The read-only HTTP side of the engine ({@code -metrics-addr}): Prometheus metrics and the JSON API, both built
 * from the {@link StatsSource} the console reads.
 *
 * <pre>
 * GET /metrics              Prometheus text format 0.0.4
 * GET /api/v1/snapshot      {"taken_at":..., "listeners":[...], "streams":[...], "connections":[...]}
 * GET /api/v1/listeners     [...]
 * GET /api/v1/streams       [...]
 * GET /api/v1/connections   [...]
 * </pre>
 * Only GET and HEAD are served (405 otherwise); anything else is 404. There is no authentication: bind it to
 * loopback or a management network (see docs/operations.md). Requests run on two named threads
 * ({@code weir-api-N}); each reads the latest snapshot, so a scrape costs one serialisation and never touches
 * the data path.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    public static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StatsSource stats;
    private final List<MetricsContributor> contributors;

    private ApiServer(HttpServer server, ExecutorService executor, StatsSource stats, List<MetricsContributor> contributors) {
        this.server = server;
        this.executor = executor;
        this.stats = stats;
        this.contributors = List.copyOf(contributors);
    }

    /**
     * Binds and starts.
     *
     * @param listen {@code :8080}, {@code 127.0.0.1:0}, ... as for {@code -metrics-addr}
     * @throws ListenerException with an operator-readable message when the address is bad or taken
     */
    public static ApiServer start(String listen, StatsSource stats, List<MetricsContributor> contributors) throws ListenerException {
        InetSocketAddress address;
        try {
            address = ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ListenerException("metrics address: " + e.getMessage());
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (BindException e) {
            throw new ListenerException("metrics address " + listen + " is not available: " + e.getMessage()
                    + " (another process may use the port)");
        } catch (IOException e) {
            throw new ListenerException("cannot listen for metrics on " + listen + ": " + e.getMessage());
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("weir-api-", 0).daemon().factory());
        server.setExecutor(executor);
        ApiServer api = new ApiServer(server, executor, stats, contributors);
        server.createContext("/", api::handle);
        server.start();
        log.info("metrics and API on http://{}:{}/metrics", server.getAddress().getHostString(), server.getAddress().getPort());
        return api;
    }

    /** The bound address (the real port when started with port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, JSON, error("method " + method + " not allowed; the API is read-only"));
                return;
            }
            switch (path) {
                case "/metrics" -> send(ex, 200, PrometheusText.CONTENT_TYPE, metrics(stats.snapshot()));
                case "/api/v1/snapshot" -> send(ex, 200, JSON, SnapshotJson.write(stats.snapshot()).toJson());
                case "/api/v1/listeners" -> send(ex, 200, JSON, SnapshotJson.listeners(stats.snapshot().listeners()).toJson());
                case "/api/v1/streams" -> send(ex, 200, JSON, SnapshotJson.streams(stats.snapshot().streams()).toJson());
                case "/api/v1/connections" -> send(ex, 200, JSON, SnapshotJson.connections(stats.snapshot().connections()).toJson());
                default -> send(ex, 404, JSON, error("no such endpoint " + path
                        + "; try /metrics, /api/v1/snapshot, /api/v1/listeners, /api/v1/streams, /api/v1/connections"));
            }
        } catch (RuntimeException e) {
            log.warn("API request {} failed", ex.getRequestURI(), e);
        }
    }

    String metrics(EngineSnapshot snapshot) {
        PrometheusText out = new PrometheusText();
        EngineMetrics.write(snapshot, out);
        for (MetricsContributor c : contributors) c.writeTo(out);
        return out.toString();
    }

    private static String error(String message) {
        return new JsonObject(Map.of("error", JsonValue.of(message))).toJson();
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    /** Stops accepting, finishes requests in progress (up to a second), stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
