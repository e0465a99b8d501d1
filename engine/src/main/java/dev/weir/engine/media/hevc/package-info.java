/**
 * H.265 / HEVC: the decoder configuration record ({@code hvcC}, ISO/IEC 14496-15 8.3.3) that Enhanced RTMP and
 * MP4 carry as a sequence header, read for stats and built from parameter sets when TS becomes FLV/MP4; the start
 * of the sequence parameter set (ITU-T H.265 7.3.2.2) with its profile_tier_level; and the NAL unit types the
 * converters act on.
 */
package dev.weir.engine.media.hevc;
