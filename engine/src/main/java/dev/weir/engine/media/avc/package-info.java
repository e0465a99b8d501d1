/**
 * H.264 / AVC: the decoder configuration record RTMP and MP4 carry as a sequence header (ISO/IEC 14496-15
 * 5.3.3) and the sequence parameter set inside it (ITU-T H.264 7.3.2.1.1, VUI in annex E), read for what
 * operators want to see: profile, level, picture size and the frame rate the encoder declared.
 */
package dev.weir.engine.media.avc;
