/**
 * Fragmented MP4 (ISO/IEC 14496-12 with the 14496-15 / AV1-ISOBMFF / VP-codec-ISO bindings) for recording:
 * an init segment ({@code ftyp} + {@code moov} with {@code mvex}) written first, then one {@code moof}+{@code mdat}
 * pair per fragment. A file cut off at any fragment boundary is a playable file. I/O-free: the muxer returns
 * bytes and the recorder writes them.
 */
package dev.weir.engine.media.mp4;
