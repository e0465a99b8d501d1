package dev.weir.engine.media.convert;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcNal;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcNal;

/**
 * What differs between H.264 and H.265 when Annex B access units become FLV video tags: NAL unit types, which
 * parameter sets make the configuration record, and how the tags look (legacy AVC vs Enhanced RTMP hvc1).
 */
enum VideoSyntax {
    H264(2) {
        @Override
        int nalType(byte[] nal) {
            return AvcNal.type(nal);
        }

        @Override
        boolean isDelimiterOrFiller(int type) {
            return type == AvcNal.AUD || type == AvcNal.FILLER;
        }

        @Override
        int parameterSetSlot(int type) {
            return type == AvcNal.SPS ? 0 : type == AvcNal.PPS ? 1 : -1;
        }

        @Override
        boolean isKey(int type) {
            return type == AvcNal.IDR;
        }

        @Override
        byte[] configRecord(byte[][] sets) throws MalformedMediaException {
            return AvcDecoderConfigurationRecord.build(sets[0], sets[1]);
        }

        @Override
        byte[] sequenceHeader(byte[] record) {
            return FlvBodies.avcSequenceHeader(record);
        }

        @Override
        byte[] frame(boolean key, int compositionTimeMs, byte[] lengthPrefixed) {
            return FlvBodies.avcFrame(key, compositionTimeMs, lengthPrefixed);
        }
    },
    H265(3) {
        @Override
        int nalType(byte[] nal) {
            return HevcNal.type(nal);
        }

        @Override
        boolean isDelimiterOrFiller(int type) {
            return type == HevcNal.AUD || type == HevcNal.FILLER;
        }

        @Override
        int parameterSetSlot(int type) {
            return switch (type) {
                case HevcNal.VPS -> 0;
                case HevcNal.SPS -> 1;
                case HevcNal.PPS -> 2;
                default -> -1;
            };
        }

        @Override
        boolean isKey(int type) {
            return HevcNal.isRandomAccess(type);
        }

        @Override
        byte[] configRecord(byte[][] sets) throws MalformedMediaException {
            return HevcDecoderConfigurationRecord.build(sets[0], sets[1], sets[2]);
        }

        @Override
        byte[] sequenceHeader(byte[] record) {
            return FlvBodies.hevcSequenceStart(record);
        }

        @Override
        byte[] frame(boolean key, int compositionTimeMs, byte[] lengthPrefixed) {
            return FlvBodies.hevcFrame(key, compositionTimeMs, lengthPrefixed);
        }
    };

    /** How many parameter sets the configuration record needs (SPS+PPS, or VPS+SPS+PPS). */
    final int parameterSets;

    VideoSyntax(int parameterSets) {
        this.parameterSets = parameterSets;
    }

    abstract int nalType(byte[] nal);

    /** Access unit delimiters and filler data: FLV frames are delimited by their tags. */
    abstract boolean isDelimiterOrFiller(int type);

    /** Index of this parameter set in {@link #configRecord}'s argument, or -1 for other NAL units. */
    abstract int parameterSetSlot(int type);

    /** A NAL unit that makes its access unit a keyframe (IDR; IRAP for H.265). */
    abstract boolean isKey(int type);

    abstract byte[] configRecord(byte[][] sets) throws MalformedMediaException;

    abstract byte[] sequenceHeader(byte[] record);

    abstract byte[] frame(boolean key, int compositionTimeMs, byte[] lengthPrefixed);
}
