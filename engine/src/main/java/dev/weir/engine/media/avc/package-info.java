/**
 * H.264 / AVC: the decoder configuration record RTMP and MP4 carry as a sequence header (ISO/IEC 14496-15
 * 5.3.3), read for stats and built from parameter sets when TS becomes FLV/MP4; the sequence parameter set
 * inside it (ITU-T H.264 7.3.2.1.1, VUI in annex E), read for profile, level, picture size, declared frame rate,
 * chroma format and bit depths; and the NAL unit types the converters act on.
 */
package dev.weir.engine.media.avc;
