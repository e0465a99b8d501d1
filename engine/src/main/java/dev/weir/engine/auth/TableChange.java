package dev.weir.engine.auth;

import java.util.Set;

/**
 * What a reload changed, by stream key (never by secret). Connections already admitted are not affected; the
 * new table applies to the next request.
 */
public record TableChange(Set<String> added, Set<String> removed, Set<String> changed) {
    public TableChange {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        changed = Set.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** e.g. {@code 1 added [live/b], 0 removed, 1 changed [live/a]}; keys sorted. */
    @Override
    public String toString() {
        return added.size() + " added " + new java.util.TreeSet<>(added) + ", " + removed.size() + " removed "
                + new java.util.TreeSet<>(removed) + ", " + changed.size() + " changed " + new java.util.TreeSet<>(changed);
    }
}
