package dev.weir.engine.config;

import dev.weir.engine.hooks.HookEventType;

import java.time.Duration;
import java.util.List;

/**
 * Event hooks, as the seed server's {@code -hook-*} flags set them.
 *
 * @param scripts     {@code -hook-script event=/path/to/script} (repeatable)
 * @param webhooks    {@code -hook-webhook event=https://url} (repeatable)
 * @param stdioFormat {@code -hook-stdio-format}: {@code json} or {@code env}; {@code null} or empty for none
 * @param timeout     {@code -hook-timeout}: a hook still running after this is cut off (default 30s)
 * @param concurrency {@code -hook-concurrency}: hooks running at once (default 10)
 */
public record HookSettings(List<Binding> scripts, List<Binding> webhooks, String stdioFormat, Duration timeout,
                           int concurrency) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_CONCURRENCY = 10;
    public static final HookSettings DEFAULTS = new HookSettings(List.of(), List.of(), null, DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY);

    /** One {@code event=target} flag value. */
    public record Binding(HookEventType event, String target) {
        public Binding {
            if (event == null) throw new IllegalArgumentException("hook binding without an event");
            if (target == null || target.isBlank()) throw new IllegalArgumentException("hook for " + event.wireName() + " has no target");
        }

        /** Parses {@code publish_start=/opt/hook.sh}: split at the first {@code =} (URLs may contain more). */
        public static Binding parse(String flagValue) {
            int eq = flagValue == null ? -1 : flagValue.indexOf('=');
            if (eq <= 0 || eq == flagValue.length() - 1) {
                throw new IllegalArgumentException("hook '" + flagValue + "' must be event=target, e.g. publish_start=/opt/on-publish.sh");
            }
            return new Binding(HookEventType.parse(flagValue.substring(0, eq).strip()), flagValue.substring(eq + 1).strip());
        }
    }

    public HookSettings {
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        if (stdioFormat != null && stdioFormat.isBlank()) stdioFormat = null;
        if (stdioFormat != null && !stdioFormat.equals("json") && !stdioFormat.equals("env")) {
            throw new IllegalArgumentException("hook stdio format '" + stdioFormat + "' is not json or env");
        }
        if (timeout == null) timeout = DEFAULT_TIMEOUT;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("hook timeout must be positive, got " + timeout);
        if (concurrency < 1 || concurrency > 1000) {
            throw new IllegalArgumentException("hook concurrency must be 1 to 1000, got " + concurrency);
        }
        for (Binding w : webhooks) AuthSettings.checkHttpUrl(w.target());
    }

    /** Whether any hook is configured. (Not {@code isEmpty}: Jackson would take that for a property of the config file.) */
    public boolean hasAny() {
        return !scripts.isEmpty() || !webhooks.isEmpty() || stdioFormat != null;
    }
}
