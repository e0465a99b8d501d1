package dev.weir.engine.hooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happened. The lower-case names are what {@code -hook-script event=...} and the payloads use. */
public enum HookEventType {
    PUBLISH_START, PUBLISH_STOP, PLAY_START, PLAY_STOP, RECORD_START, RECORD_STOP, RELAY_FAILED, CONNECTION_REJECTED;

    /** e.g. {@code publish_start}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HookEventType parse(String text) {
        for (HookEventType t : values()) {
            if (t.wireName().equals(text)) return t;
        }
        throw new IllegalArgumentException("unknown hook event '" + text + "'; events are "
                + Arrays.stream(values()).map(HookEventType::wireName).collect(Collectors.joining(", ")));
    }
}
