package dev.weir.engine.ops;

import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.StreamSnapshot;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fires {@code record_start} and {@code record_stop} from the recordings' states as the stats sampler sees them
 * (four times a second): a file that starts being written is a start, a file that stops being written (stopped,
 * failed, or replaced by the next publication's file) is a stop. Watching states keeps the recording code free of
 * hook wiring; the price is up to a quarter second of delay, which no hook consumer can notice.
 *
 * <p>Events carry {@code path} and {@code format}; a stop also carries {@code bytes} and, for a failure,
 * {@code error}.
 */
public final class RecordingHooks {
    private final SessionServices services;
    private final Function<String, RecordingSnapshot> lookup;
    private final Map<String, String> recordingFileByStream = new ConcurrentHashMap<>();

    /** @param lookup the recording of a stream key the hub no longer lists (its file was just finalized) */
    public RecordingHooks(SessionServices services, Function<String, RecordingSnapshot> lookup) {
        this.services = services;
        this.lookup = lookup;
    }

    /** Looks at every stream of a new snapshot, and at recorded streams that left the hub since the last one. */
    public void onSample(EngineSnapshot snapshot) {
        Set<String> seen = new HashSet<>();
        for (StreamSnapshot s : snapshot.streams()) {
            seen.add(s.key());
            observe(s.key(), s.recording());
        }
        for (String key : List.copyOf(recordingFileByStream.keySet())) {
            if (!seen.contains(key)) observe(key, lookup.apply(key));
        }
    }

    /** Called for every stream at each sample with its recording ({@code null} when never recorded). */
    public void observe(String streamKey, RecordingSnapshot recording) {
        String was = recordingFileByStream.get(streamKey);
        boolean writing = recording != null && recording.state() == RecordingSnapshot.State.RECORDING
                && recording.file() != null;
        String now = writing ? recording.file() : null;
        if (was != null && !was.equals(now)) {
            recordingFileByStream.remove(streamKey);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("path", was);
            if (recording != null && was.equals(recording.file())) {
                extra.put("format", recording.format());
                extra.put("bytes", Long.toString(recording.bytes()));
                if (recording.lastError() != null) extra.put("error", recording.lastError());
            }
            services.fire(HookEvent.now(HookEventType.RECORD_STOP, streamKey, null, null, null, extra));
        }
        if (now != null && !now.equals(was)) {
            recordingFileByStream.put(streamKey, now);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("path", now);
            extra.put("format", recording.format());
            services.fire(HookEvent.now(HookEventType.RECORD_START, streamKey, null, null, null, extra));
        }
    }
}
