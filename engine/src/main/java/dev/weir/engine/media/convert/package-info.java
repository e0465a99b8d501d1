/**
 * The bridge between the two media forms Weir carries: MPEG-TS elementary streams (SRT) and RTMP/FLV tag
 * bodies (the hub's {@link dev.weir.engine.hub.MediaMessage}).
 *
 * <p>{@link dev.weir.engine.media.convert.TsToFlv} takes access units from the TS demuxer and produces hub
 * messages: H.264 Annex B → AVCC with an AVC sequence header rebuilt whenever SPS/PPS change, H.265 → HVCC as
 * Enhanced RTMP {@code hvc1} tags, AAC ADTS → raw frames plus AudioSpecificConfig, MPEG audio → FLV MP3.
 * {@link dev.weir.engine.media.convert.FlvToTs} goes the other way for SRT players. Both are I/O-free.
 */
package dev.weir.engine.media.convert;
