package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.media.flv.FlvFormatException;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.VideoCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * Which file a stream's messages are recorded to: FLV for H.264 (and audio-only) streams, which every tool
 * reads; fragmented MP4 for H.265, AV1 and VP9, which legacy FLV cannot name. (An SRT source's transport stream
 * can also be kept as received with {@link TsRecorder}, which takes bytes, not messages.)
 */
public enum RecordingFormat {
    FLV("flv"), FMP4("mp4");

    private final String extension;

    RecordingFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Picks the format from the stream's video sequence header (null or unreadable: FLV). */
    public static RecordingFormat forVideoHeader(MediaMessage videoSequenceHeader) {
        if (videoSequenceHeader == null || videoSequenceHeader.kind() != MediaMessage.Kind.VIDEO) {
            return FLV;
        }
        try {
            VideoCodec codec = FlvVideoTag.parse(videoSequenceHeader.body()).codec();
            return codec == VideoCodec.HEVC || codec == VideoCodec.AV1 || codec == VideoCodec.VP9 ? FMP4 : FLV;
        } catch (FlvFormatException e) {
            return FLV;
        }
    }

    /** Creates {@code dir/app_name_YYYYMMDD_HHMMSS.ext} and its recorder. */
    public MediaRecorder open(Path dir, StreamKey key, ZonedDateTime startedAt) throws IOException {
        Path file = dir.resolve(RecordingNames.fileName(key, startedAt, extension));
        return switch (this) {
            case FLV -> FlvRecorder.create(file);
            case FMP4 -> Fmp4Recorder.create(file);
        };
    }
}
