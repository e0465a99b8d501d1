package dev.weir.engine.media.convert;

import dev.weir.engine.media.es.AvcConfigRecord;
import dev.weir.engine.media.es.AvcSps;
import dev.weir.engine.media.es.EsFormatException;
import dev.weir.engine.media.es.HevcConfigRecord;
import dev.weir.engine.media.es.HevcSps;

/**
 * What differs between H.264 and H.265 when Annex B access units become FLV video tags: NAL unit types, which
 * parameter sets make the configuration record, and how the tags look (legacy AVC vs Enhanced RTMP hvc1).
 */
enum VideoSyntax {
    H264(2) {
        @Override
        int nalType(byte[] nal) {
            return AvcSps.nalType(nal);
        }

        @Override
        boolean isDelimiterOrFiller(int type) {
            return type == AvcSps.NAL_AUD || type == 12;
        }

        @Override
        int parameterSetSlot(int type) {
            return type == AvcSps.NAL_SPS ? 0 : type == AvcSps.NAL_PPS ? 1 : -1;
        }

        @Override
        boolean isKey(int type) {
            return type == AvcSps.NAL_IDR;
        }

        @Override
        byte[] configRecord(byte[][] sets) throws EsFormatException {
            return AvcConfigRecord.build(sets[0], sets[1]);
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
            return HevcSps.nalType(nal);
        }

        @Override
        boolean isDelimiterOrFiller(int type) {
            return type == HevcSps.NAL_AUD || type == 38;
        }

        @Override
        int parameterSetSlot(int type) {
            return switch (type) {
                case HevcSps.NAL_VPS -> 0;
                case HevcSps.NAL_SPS -> 1;
                case HevcSps.NAL_PPS -> 2;
                default -> -1;
            };
        }

        @Override
        boolean isKey(int type) {
            return HevcSps.isRandomAccess(type);
        }

        @Override
        byte[] configRecord(byte[][] sets) throws EsFormatException {
            return HevcConfigRecord.build(sets[0], sets[1], sets[2]);
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

    abstract byte[] configRecord(byte[][] sets) throws EsFormatException;

    abstract byte[] sequenceHeader(byte[] record);

    abstract byte[] frame(boolean key, int compositionTimeMs, byte[] lengthPrefixed);
}
