package dev.weir.engine.auth;

/** What a peer asks to do with a stream. */
public enum AccessAction {
    PUBLISH, PLAY;

    /** Lower-case name as it appears in callback bodies, hook events and metrics labels. */
    public String wireName() {
        return this == PUBLISH ? "publish" : "play";
    }
}
