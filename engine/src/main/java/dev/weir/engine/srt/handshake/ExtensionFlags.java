package dev.weir.engine.srt.handshake;

/** Values of the handshake's 16-bit extension field. */
public final class ExtensionFlags {

    /** HSREQ (request) / HSRSP (response) block present. */
    public static final int HSREQ = 0x1;
    /** KMREQ / KMRSP block present. */
    public static final int KMREQ = 0x2;
    /** Configuration blocks present (stream id, congestion, filter, group). */
    public static final int CONFIG = 0x4;
    /** In an induction response: "I speak HSv5" ("SRT" magic). */
    public static final int HSV5_MAGIC = 0x4A17;
    /** HSv4 and HSv5 callers' induction: UDT socket type DGRAM. */
    public static final int UDT_DGRAM = 2;

    private ExtensionFlags() {
    }
}
