package dev.weir.engine.api;

import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.StatsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StatsSource} that mirrors a remote weir server through its {@code /api/v1/snapshot}: the console
 * attaches with it and shows the remote engine read-only, with the same views as a local one.
 *
 * <p>{@link #start()} polls on one named thread ({@code weir-remote-stats}) at a fixed interval; {@link #snapshot()}
 * returns the last snapshot received ({@link EngineSnapshot#EMPTY} before the first) and never blocks, so the
 * console's 4 Hz timer can call it on the FX thread. {@link #status()} says whether the last poll worked and, if
 * not, why, for the console to show. Responses larger than {@value #MAX_BODY_BYTES} bytes are refused.
 */
public final class RemoteStatsSource implements StatsSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RemoteStatsSource.class);
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /**
     * @param connected whether the last poll succeeded
     * @param error     why the last poll failed, {@code null} when it worked
     * @param lastSuccessNanos {@link System#nanoTime()} of the last good poll, 0 if none yet
     */
    public record Status(boolean connected, String error, long lastSuccessNanos) {}

    private final URI snapshotUri;
    private final Duration interval;
    private final Duration timeout;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private ScheduledExecutorService poller;

    private volatile EngineSnapshot latest = EngineSnapshot.EMPTY;
    private volatile Status status = new Status(false, "not polled yet", 0);

    /**
     * @param base     the remote server's metrics address, e.g. {@code http://10.0.0.5:8080} (a path is ignored)
     * @param interval time between polls
     * @param timeout  per request
     */
    public RemoteStatsSource(URI base, Duration interval, Duration timeout) {
        String scheme = base.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("remote weir address '" + base + "' must be http://HOST:PORT or https://HOST:PORT");
        }
        this.snapshotUri = base.resolve("/api/v1/snapshot");
        this.interval = interval;
        this.timeout = timeout;
        this.httpExecutor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("weir-remote-stats-http").daemon().factory());
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(httpExecutor).build();
    }

    /** Starts polling in the background. */
    public synchronized RemoteStatsSource start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("weir-remote-stats").daemon().factory());
            poller.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RemoteStatsException e) {
            log.debug("remote weir poll failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fetches one snapshot now, on the calling thread, and makes it the latest.
     *
     * @throws RemoteStatsException with an operator-readable reason (unreachable, HTTP status, bad JSON)
     */
    public EngineSnapshot poll() throws RemoteStatsException, InterruptedException {
        try {
            EngineSnapshot s = fetch();
            latest = s;
            status = new Status(true, null, System.nanoTime());
            return s;
        } catch (RemoteStatsException e) {
            status = new Status(false, e.getMessage(), status.lastSuccessNanos());
            throw e;
        }
    }

    private EngineSnapshot fetch() throws RemoteStatsException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(snapshotUri).timeout(timeout)
                .header("Accept", "application/json").header("User-Agent", "weir").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new RemoteStatsException(snapshotUri + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new RemoteStatsException("cannot reach " + snapshotUri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RemoteStatsException(snapshotUri + " sent more than " + MAX_BODY_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RemoteStatsException("reading " + snapshotUri + " failed: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new RemoteStatsException(snapshotUri + " answered HTTP " + response.statusCode()
                    + " (is this a weir server's -metrics-addr?)");
        }
        try {
            return SnapshotJson.read(JsonParser.parseObject(body));
        } catch (JsonException e) {
            throw new RemoteStatsException(snapshotUri + " did not send a weir snapshot: " + e.getMessage());
        }
    }

    @Override
    public EngineSnapshot snapshot() {
        return latest;
    }

    public Status status() {
        return status;
    }

    public URI snapshotUri() {
        return snapshotUri;
    }

    @Override
    public synchronized void close() {
        if (poller != null) poller.shutdownNow();
        client.shutdownNow();
        httpExecutor.shutdownNow();
    }
}
