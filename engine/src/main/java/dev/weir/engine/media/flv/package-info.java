/**
 * FLV tag bodies as RTMP carries them: which codec a video or audio message holds, whether it is a
 * sequence header, a keyframe or an ordinary frame, and the script data ({@code onMetaData}) a publisher
 * announces. Covers the legacy FLV layout (Adobe FLV spec v10.1, annex E) and Enhanced RTMP (v1 and v2:
 * {@code IsExHeader}, FourCC codecs, ModEx and multitrack prefixes).
 *
 * <p>Two ways in: {@code FlvVideoTag.parse}/{@code FlvAudioTag.parse} return a record with every header
 * field and say exactly what is wrong with a malformed body; {@code roleOf} answers only "what part does this
 * message play in a stream" without allocating, for the hub's hot path. The fuzz tests hold the two to the
 * same answer.
 */
package dev.weir.engine.media.flv;
