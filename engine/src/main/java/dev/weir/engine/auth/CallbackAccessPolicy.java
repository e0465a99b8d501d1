package dev.weir.engine.auth;

import dev.weir.engine.json.JsonValue;
import dev.weir.engine.json.JsonValue.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code -auth-mode callback}: each request is POSTed as JSON to an HTTP service; a 2xx answer allows it, any
 * other status denies it, and a timeout or error denies it as {@link DenyReason#CALLBACK_UNAVAILABLE}.
 *
 * <p>Body (the seed server's fields, plus {@code protocol} and {@code connection_id}):
 * <pre>{"action":"publish","app":"live","stream_name":"stream1","stream_key":"live/stream1","token":"secret123",
 *  "remote_addr":"192.0.2.1:54321","protocol":"rtmp","connection_id":"rtmp-7"}</pre>
 *
 * <p>The call never runs on the caller's thread: the JDK client works on a small pool of named threads, and at
 * most {@code maxInFlight} calls are outstanding; beyond that a request is denied at once rather than queued,
 * so a stalled auth service cannot pile up work. Redirects are not followed (a token must not wander).
 */
public final class CallbackAccessPolicy implements AccessPolicy {
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;

    private final URI url;
    /** The URL for logs: without user:password and query, which may hold credentials. */
    private final String shown;
    private final Duration timeout;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final ExecutorService executor;
    private final HttpClient client;

    public CallbackAccessPolicy(URI url, Duration timeout, int maxInFlight) {
        this.url = url;
        this.shown = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.executor = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("weir-auth-callback-", 0).daemon().factory());
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<AccessDecision> decide(AccessRequest request) {
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.completedFuture(AccessDecision.deny(DenyReason.CALLBACK_UNAVAILABLE,
                    "more than " + maxInFlight + " auth callbacks in flight"));
        }
        HttpRequest http;
        try {
            http = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "weir")
                    .POST(HttpRequest.BodyPublishers.ofString(body(request).toJson()))
                    .build();
        } catch (RuntimeException e) {
            inFlight.release();
            return CompletableFuture.completedFuture(AccessDecision.deny(DenyReason.CALLBACK_UNAVAILABLE,
                    "cannot build auth callback request to " + shown + ": " + e.getMessage()));
        }
        CompletableFuture<AccessDecision> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(http, HttpResponse.BodyHandlers.discarding());
        // HttpRequest.timeout bounds the wait for response headers; this bounds everything, connect included.
        call.orTimeout(timeout.toMillis() + 250, TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                call.cancel(true);
                result.complete(AccessDecision.deny(DenyReason.CALLBACK_UNAVAILABLE, describe(error)));
            } else if (response.statusCode() / 100 == 2) {
                result.complete(AccessDecision.ALLOW);
            } else {
                result.complete(AccessDecision.deny(DenyReason.CALLBACK_REJECTED,
                        "auth callback answered HTTP " + response.statusCode()));
            }
        });
        return result;
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "auth callback " + shown + " timed out after " + timeout.toMillis() + " ms";
        }
        return "auth callback " + shown + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    static JsonObject body(AccessRequest r) {
        String key = r.streamKey();
        int slash = key.indexOf('/');
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("action", JsonValue.of(r.action().wireName()));
        m.put("app", JsonValue.of(slash < 0 ? "" : key.substring(0, slash)));
        m.put("stream_name", JsonValue.of(slash < 0 ? key : key.substring(slash + 1)));
        m.put("stream_key", JsonValue.of(key));
        m.put("token", JsonValue.of(r.token()));
        m.put("remote_addr", JsonValue.of(r.remoteAddress()));
        m.put("protocol", JsonValue.of(r.protocol().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("connection_id", JsonValue.of(r.connectionId()));
        return new JsonObject(m);
    }

    public URI url() {
        return url;
    }

    @Override
    public String mode() {
        return "callback";
    }

    /** Cancels calls in flight (their requests are denied) and stops the pool. */
    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
