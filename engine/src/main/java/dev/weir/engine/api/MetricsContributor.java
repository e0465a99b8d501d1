package dev.weir.engine.api;

/**
 * Adds metric families to {@code /metrics} beyond those the {@link dev.weir.engine.stats.EngineSnapshot} carries
 * (access control, hooks). Called on an API thread for each scrape: read counters, do not block.
 */
@FunctionalInterface
public interface MetricsContributor {
    void writeTo(PrometheusText out);
}
