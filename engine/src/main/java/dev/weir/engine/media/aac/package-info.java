/**
 * AAC: the AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) that RTMP carries as the audio sequence header, read
 * for the object type (LC, HE-AAC, HE-AACv2, ...), sample rate and channels a listener hears, and written from
 * ADTS; and the ADTS header (ISO/IEC 13818-7 6.2) that frames AAC in MPEG-TS.
 */
package dev.weir.engine.media.aac;
