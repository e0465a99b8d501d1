package dev.weir.engine.bridge;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.stats.RecordingSnapshot;

/**
 * The child JVM of {@link EngineRecordingCrashInteropIT}: an engine recording every stream (RTMP and SRT on free
 * loopback ports) that prints {@code READY rtmpPort srtPort} and then runs until it is killed; given a stream key
 * as well, it prints that stream's recording state each time it changes.
 */
public final class EngineRecordingChild {
    private EngineRecordingChild() {}

    public static void main(String[] args) throws Exception {
        EngineConfig config = EngineConfig.DEFAULTS
                .withSrt(new SrtSettings("127.0.0.1:0", 120, null, 16))
                .withRecording(new RecordingSettings(args[0], true));
        WeirEngine engine = StandardListeners.engine(config);
        String rtmp = engine.startRtmpListener("127.0.0.1:0");
        String srt = engine.startSrtListener("127.0.0.1:0");
        System.out.println("READY " + rtmp.substring(rtmp.lastIndexOf(':') + 1) + " " + srt.substring(srt.lastIndexOf(':') + 1));
        System.out.flush();
        if (args.length < 2) {
            Thread.sleep(Long.MAX_VALUE);
        }
        // Report the recording of args[1] each time its state changes: "STATE FAILED <lastError>".
        String last = "";
        while (true) {
            RecordingSnapshot r = engine.recording(args[1]);
            String line = r == null ? "STATE NONE" : "STATE " + r.state() + " " + r.lastError();
            if (!line.equals(last)) {
                System.out.println(line);
                System.out.flush();
                last = line;
            }
            Thread.sleep(50);
        }
    }
}
