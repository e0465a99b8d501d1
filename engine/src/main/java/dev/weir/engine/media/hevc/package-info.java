/**
 * H.265 / HEVC: the decoder configuration record ({@code hvcC}, ISO/IEC 14496-15 8.3.3) that Enhanced RTMP and
 * MP4 carry as a sequence header, and the start of the sequence parameter set (ITU-T H.265 7.3.2.2) for the
 * picture size.
 */
package dev.weir.engine.media.hevc;
