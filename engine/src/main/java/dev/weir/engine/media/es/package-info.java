/**
 * Elementary-stream syntax shared by the TS, FLV and MP4 paths: Annex B byte streams and NAL units, the RBSP
 * bit reader, just enough of the H.264 and H.265 sequence parameter sets to build decoder configuration records
 * ({@code avcC}, {@code hvcC}), AAC ADTS headers and AudioSpecificConfig, and MPEG audio frame headers.
 *
 * <p>The hub's packages ({@code media.avc}, {@code media.hevc}, {@code media.aac}) parse the same structures for
 * stream information; this package <em>builds</em> them for conversion and keeps only what building needs.
 */
package dev.weir.engine.media.es;
