package dev.weir.engine.hooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code -hook-webhook event=URL}: POSTs {@link HookEvent#toJson()} to the URL. A 2xx answer is success. The
 * request is cancelled at the hook timeout (the connection is closed, the service sees a reset).
 */
public final class WebhookSink implements HookSink {
    private final URI url;
    /** The URL for logs: without user:password and query, which may hold credentials. */
    private final String shown;
    private final HttpClient client;

    /** @param client shared by all webhooks of a dispatcher; the dispatcher closes it */
    public WebhookSink(URI url, HttpClient client) {
        this.url = url;
        this.shown = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        this.client = client;
    }

    @Override
    public void deliver(HookEvent event, Duration timeout) throws HookFailedException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "weir")
                .header("X-Weir-Event", event.type().wireName())
                .POST(HttpRequest.BodyPublishers.ofString(event.toJson().toJson()))
                .build();
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HookFailedException("webhook " + shown + " did not answer within " + timeout.toMillis() + " ms", true);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            boolean timedOut = c instanceof java.net.http.HttpTimeoutException;
            throw new HookFailedException("webhook " + shown + " failed: " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : " " + c.getMessage()), timedOut);
        }
        if (response.statusCode() / 100 != 2) {
            throw new HookFailedException("webhook " + shown + " answered HTTP " + response.statusCode(), false);
        }
    }

    public URI url() {
        return url;
    }

    @Override
    public String describe() {
        return "webhook " + shown;
    }
}
