package dev.weir.engine.record;

import dev.weir.engine.hub.StreamKey;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * File names of recordings: {@code app_name_YYYYMMDD_HHMMSS.ext} in UTC, with every character that is not a
 * letter, digit, '-' or '.' in the stream key replaced by '_' (stream names may contain slashes).
 */
public final class RecordingNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private RecordingNames() {
    }

    public static String fileName(StreamKey key, ZonedDateTime startedAt, String extension) {
        String stamp = startedAt.withZoneSameInstant(ZoneOffset.UTC).format(STAMP);
        return safe(key.app()) + "_" + safe(key.name()) + "_" + stamp + "." + extension;
    }

    private static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.';
            b.append(ok ? c : '_');
        }
        String out = b.toString();
        return out.startsWith(".") ? "_" + out.substring(1) : out;
    }
}
