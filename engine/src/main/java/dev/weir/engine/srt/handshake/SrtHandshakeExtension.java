package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * HSREQ / HSRSP content: SRT version ({@code major << 16 | minor << 8 | patch}), {@link SrtFlags}, and one word of
 * TSBPD delays in milliseconds. The high 16 bits are the <em>receiver</em> delay: the latency the writing side
 * applies when it receives. The low 16 bits are the <em>sender</em> delay: the latency the writing side asks the
 * peer's receiver to apply. HSv5 peers fill both (libsrt 1.5.1, captured in golden/srt/lossy.txt: caller latency
 * 120 sends {@code 0x00780078}, a listener with 200 answers {@code 0x00c800c8}).
 *
 * <p>libsrt requires at least these three words and ignores any extra; so do we.
 */
public record SrtHandshakeExtension(int srtVersion, int flags, int receiverDelayMs, int senderDelayMs) {

    /** The version Weir announces: it follows libsrt 1.5.1's wire behaviour. */
    public static final int WEIR_SRT_VERSION = version(1, 5, 1);

    public SrtHandshakeExtension {
        if ((receiverDelayMs & ~0xFFFF) != 0 || (senderDelayMs & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("TSBPD delays are 16-bit milliseconds: " + receiverDelayMs + ", "
                    + senderDelayMs);
        }
    }

    public static int version(int major, int minor, int patch) {
        return major << 16 | minor << 8 | patch;
    }

    public static String versionString(int version) {
        return (version >>> 16) + "." + (version >>> 8 & 0xFF) + "." + (version & 0xFF);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** As a handshake extension block of type HSREQ or HSRSP. */
    public HandshakeExtensionBlock toBlock(int type) {
        return new HandshakeExtensionBlock(type, encode());
    }

    /** The three words (also the body of an HSv4 UMSG_EXT HSREQ/HSRSP). */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(12);
        out.putInt(srtVersion);
        out.putInt(flags);
        out.putInt(receiverDelayMs << 16 | senderDelayMs);
        return out.array();
    }

    public static SrtHandshakeExtension decode(byte[] content) throws MalformedPacketException {
        MalformedPacketException.require(content.length >= 12,
                "HSREQ/HSRSP must hold at least 3 words, got " + content.length + " bytes");
        ByteBuffer in = ByteBuffer.wrap(content);
        int version = in.getInt();
        int flags = in.getInt();
        int delays = in.getInt();
        return new SrtHandshakeExtension(version, flags, delays >>> 16, delays & 0xFFFF);
    }
}
