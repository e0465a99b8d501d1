package dev.weir.engine.ops;

import dev.weir.engine.ListenerException;
import dev.weir.engine.api.AccessMetrics;
import dev.weir.engine.api.ApiServer;
import dev.weir.engine.api.HookMetrics;
import dev.weir.engine.api.MetricsContributor;
import dev.weir.engine.auth.AccessConfigException;
import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.AccessPolicy;
import dev.weir.engine.auth.TableChange;
import dev.weir.engine.auth.TokenFilePolicy;
import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.config.MetricsSettings;
import dev.weir.engine.hooks.HookDispatcher;
import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.stats.StatsSource;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owns the engine's operator-facing services and wires them to each other: access control (whose refusals fire
 * the {@code connection_rejected} hook), the hook dispatcher, and the metrics/API server (which reports both).
 * The engine builds one at start, hands {@link #access()} and {@link #hooks()} to its protocol sessions, and
 * closes it last; {@code weir server} calls {@link #reload()} on SIGHUP.
 *
 * <pre>{@code
 * ops = OpsServices.start(config.auth(), config.hooks(), config.metrics(), this, System.out);
 * ...
 * ops.close();
 * }</pre>
 */
public final class OpsServices implements AutoCloseable {
    private final HookDispatcher hooks;
    private final AccessControl access;
    private final ApiServer api;

    private OpsServices(HookDispatcher hooks, AccessControl access, ApiServer api) {
        this.hooks = hooks;
        this.access = access;
        this.api = api;
    }

    /**
     * Starts everything the settings ask for. On failure nothing is left running.
     *
     * @param stats  what {@code /metrics} and {@code /api/v1/*} report (the engine itself)
     * @param stdout where the stdio hook writes
     * @throws AccessConfigException the auth file cannot be used
     * @throws ListenerException     the metrics address is bad or taken
     * @throws IllegalArgumentException a hook script is missing or not executable
     */
    public static OpsServices start(AuthSettings auth, HookSettings hookSettings, MetricsSettings metrics, StatsSource stats,
                                    PrintStream stdout) throws AccessConfigException, ListenerException {
        HookDispatcher hooks = HookDispatcher.create(hookSettings, stdout);
        AccessControl access = null;
        try {
            access = new AccessControl(AccessPolicy.create(auth), (request, denied) -> {
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("action", request.action().wireName());
                extra.put("reason", denied.reason().label());
                extra.put("detail", denied.detail());
                hooks.fire(HookEvent.now(HookEventType.CONNECTION_REJECTED, request.streamKey(), request.protocol(),
                        request.remoteAddress(), request.connectionId(), extra));
            });
            ApiServer api = null;
            if (metrics.enabled()) {
                List<MetricsContributor> extra = List.of(new AccessMetrics(access), new HookMetrics(hooks));
                api = ApiServer.start(metrics.listen(), stats, extra);
            }
            return new OpsServices(hooks, access, api);
        } catch (AccessConfigException | ListenerException | RuntimeException e) {
            if (access != null) access.close();
            hooks.close();
            throw e;
        }
    }

    /** For protocol sessions: ask before a publish or play. */
    public AccessControl access() {
        return access;
    }

    /** For protocol sessions, recording and relays: fire events. */
    public HookDispatcher hooks() {
        return hooks;
    }

    /** The metrics/API server, when {@code -metrics-addr} is set. */
    public Optional<ApiServer> api() {
        return Optional.ofNullable(api);
    }

    /**
     * Re-reads what can change while running (SIGHUP): the auth token file in file mode.
     *
     * @return what changed, empty when nothing is reloadable in this configuration
     * @throws AccessConfigException the new file is bad; the old table stays in force
     */
    public Optional<TableChange> reload() throws AccessConfigException {
        if (access.policy() instanceof TokenFilePolicy file) return Optional.of(file.reload());
        return Optional.empty();
    }

    /** Stops the API first (no scrape sees half-closed state), then access control, then lets queued hooks finish. */
    @Override
    public void close() {
        if (api != null) api.close();
        access.close();
        hooks.close();
    }
}
