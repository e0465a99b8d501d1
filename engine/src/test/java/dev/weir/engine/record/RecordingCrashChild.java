package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.convert.TsToFlv;
import dev.weir.engine.media.ts.TsDemuxer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a child JVM for {@link RecordingCrashInteropIT}: records the first 60% of a TS file with the named
 * recorder, says READY on stdout and waits, never closing the file, until the parent kills it with SIGKILL.
 */
public final class RecordingCrashChild {
    private RecordingCrashChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String format = args[0];
        byte[] ts = Files.readAllBytes(Path.of(args[1]));
        Path out = Path.of(args[2]);
        if (format.equals("ts")) {
            TsRecorder recorder = TsRecorder.create(out);
            int cut = ts.length * 6 / 10;
            for (int p = 0; p < cut; p += 1316) {
                recorder.write(ts, p, Math.min(1316, cut - p));
            }
            recorder.flush();
        } else {
            List<MediaMessage> messages = new ArrayList<>();
            TsDemuxer demuxer = new TsDemuxer(new TsToFlv("crash/child", messages::add));
            demuxer.feed(ts);
            demuxer.endOfStream();
            MediaRecorder recorder = format.equals("flv") ? FlvRecorder.create(out) : Fmp4Recorder.create(out);
            for (MediaMessage m : messages.subList(0, messages.size() * 6 / 10)) {
                recorder.write(m);
            }
            // no flush, no close: whatever the recorder handed to the OS by itself is all the file gets
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
