/**
 * What H.264 and H.265 share below the codec: Annex B byte streams and their length-prefixed form (AVCC/HVCC),
 * NAL units, the RBSP inside them (a NAL payload with its emulation-prevention bytes removed), and the bit
 * reader with Exp-Golomb codes their parameter sets are written in (ITU-T H.264 7.2, 9.1 and annex B; H.265 7.2
 * and 9.2). The bit reader also reads other bit-packed headers, such as the AAC AudioSpecificConfig.
 */
package dev.weir.engine.media.nal;
