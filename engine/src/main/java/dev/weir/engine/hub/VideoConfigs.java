package dev.weir.engine.hub;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcSps;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.VideoPacketType;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcSps;
import dev.weir.engine.stats.VideoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a video sequence header into what stats show: codec, profile, level, size, declared frame rate.
 * A configuration that does not parse still names its codec; the rest stays unknown.
 */
final class VideoConfigs {
    private static final Logger log = LoggerFactory.getLogger(VideoConfigs.class);

    private VideoConfigs() {}

    static VideoInfo describe(FlvVideoTag tag, byte[] body) {
        String codec = tag.codec().displayName();
        if (tag.packetType() != VideoPacketType.SEQUENCE_START || tag.multitrack()) {
            return new VideoInfo(codec, null, null, 0, 0, 0);
        }
        int offset = tag.dataOffset();
        try {
            return switch (tag.codec()) {
                case AVC -> {
                    AvcSps sps = AvcDecoderConfigurationRecord.parse(body, offset, body.length - offset).firstSps();
                    yield new VideoInfo(codec, sps.profileName(), sps.levelName(), sps.width(), sps.height(), sps.frameRate());
                }
                case HEVC -> {
                    HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(body, offset, body.length - offset);
                    int width = 0;
                    int height = 0;
                    try {
                        HevcSps sps = r.firstSps();
                        width = sps.width();
                        height = sps.height();
                    } catch (MalformedMediaException e) {
                        log.debug("HEVC SPS not readable: {}", e.getMessage());
                    }
                    yield new VideoInfo(codec, r.profileTierLevel().profileName(), r.profileTierLevel().levelName(),
                            width, height, r.avgFrameRate());
                }
                default -> new VideoInfo(codec, null, null, 0, 0, 0);
            };
        } catch (MalformedMediaException e) {
            log.debug("{} sequence header not readable: {}", codec, e.getMessage());
            return new VideoInfo(codec, null, null, 0, 0, 0);
        }
    }
}
