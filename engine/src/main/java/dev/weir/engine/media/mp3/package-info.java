/**
 * MPEG-1/2 audio (what FLV calls MP3, MPEG-TS stream types 0x03 and 0x04): the 4-byte frame header
 * (ISO/IEC 11172-3 2.4.1.3), read for the sample rate and channels the FLV sound flags need.
 */
package dev.weir.engine.media.mp3;
