package dev.weir.engine.hub;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.flv.AudioCodec;
import dev.weir.engine.media.flv.AudioPacketType;
import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.stats.AudioInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an audio sequence header (or, for codecs without one, a frame) into what stats show: codec, profile,
 * sample rate, channels.
 */
final class AudioConfigs {
    private static final Logger log = LoggerFactory.getLogger(AudioConfigs.class);
    private static final int[] LEGACY_RATES = {5512, 11025, 22050, 44100};

    private AudioConfigs() {}

    static AudioInfo describe(FlvAudioTag tag, byte[] body) {
        String codec = tag.codec().displayName();
        if (tag.codec() == AudioCodec.AAC) {
            if (tag.packetType() != AudioPacketType.SEQUENCE_START || tag.multitrack()) {
                return new AudioInfo(codec, null, 0, 0);
            }
            try {
                AudioSpecificConfig asc = AudioSpecificConfig.parse(body, tag.dataOffset(), body.length - tag.dataOffset());
                return new AudioInfo(codec, asc.profileName(), asc.sampleRate(), asc.channels());
            } catch (MalformedMediaException e) {
                log.debug("AAC sequence header not readable: {}", e.getMessage());
                return new AudioInfo(codec, null, 0, 0);
            }
        }
        if (!tag.enhanced()) {
            // Legacy formats say rate and channels in the first byte (AAC's are fixed and meaningless).
            int flags = body[0] & 0x0F;
            return new AudioInfo(codec, null, LEGACY_RATES[flags >> 2], (flags & 0x01) + 1);
        }
        return new AudioInfo(codec, null, 0, 0);
    }
}
