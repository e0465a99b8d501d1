package dev.weir.engine.api;

import dev.weir.engine.api.PrometheusText.Type;
import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.AccessControl;
import dev.weir.engine.auth.DenyReason;

/** {@code weir_access_*}: publish/play requests allowed and refused, by action and reason. */
public record AccessMetrics(AccessControl access) implements MetricsContributor {

    @Override
    public void writeTo(PrometheusText out) {
        out.family("weir_access_allowed_total", Type.COUNTER, "Publish and play requests allowed by access control (-auth-mode).");
        for (AccessAction a : AccessAction.values()) out.sample(access.allowedCount(a), "action", a.wireName());
        out.family("weir_access_rejected_total", Type.COUNTER, "Publish and play requests refused, by reason.");
        for (AccessAction a : AccessAction.values()) {
            for (DenyReason r : DenyReason.values()) {
                out.sample(access.rejectedCount(a, r), "action", a.wireName(), "reason", r.label());
            }
        }
    }
}
