package dev.weir.engine.stats;

/** Where callers pull snapshots from. Cheap to call: returns the latest snapshot the engine published. */
@FunctionalInterface
public interface StatsSource {
    EngineSnapshot snapshot();
}
