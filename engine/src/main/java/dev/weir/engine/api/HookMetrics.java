package dev.weir.engine.api;

import dev.weir.engine.api.PrometheusText.Type;
import dev.weir.engine.hooks.HookDispatcher;

/** {@code weir_hook_*}: hook deliveries by outcome, and the queue. */
public record HookMetrics(HookDispatcher hooks) implements MetricsContributor {

    @Override
    public void writeTo(PrometheusText out) {
        out.family("weir_hook_deliveries_total", Type.COUNTER, "Hook deliveries by result: succeeded, failed, timed_out, dropped (queue full).")
                .sample(hooks.succeededCount(), "result", "succeeded")
                .sample(hooks.failedCount(), "result", "failed")
                .sample(hooks.timedOutCount(), "result", "timed_out")
                .sample(hooks.droppedCount(), "result", "dropped");
        out.family("weir_hook_queue_pending", Type.GAUGE, "Hook deliveries waiting for a worker.").sample(hooks.pendingCount());
    }
}
