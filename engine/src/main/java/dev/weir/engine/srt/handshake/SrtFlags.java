package dev.weir.engine.srt.handshake;

/** The SRT flags word of HSREQ/HSRSP ({@code SRT_OPT_*}). */
public final class SrtFlags {

    /** The sender has TSBPD (will timestamp for delivery). */
    public static final int TSBPDSND = 0x01;
    /** The receiver delivers by timestamp. */
    public static final int TSBPDRCV = 0x02;
    /** Encryption supported (libsrt sets it always, passphrase or not). */
    public static final int CRYPT = 0x04;
    /** Too-late packet drop. */
    public static final int TLPKTDROP = 0x08;
    /** Periodic NAK reports. */
    public static final int PERIODICNAK = 0x10;
    /** The R flag exists in data packets (message number is 26 bits). */
    public static final int REXMITFLG = 0x20;
    /** Stream (file/buffer) API; unset means message API, which live mode requires. */
    public static final int STREAM = 0x40;
    /** Packet filter (FEC) supported. */
    public static final int PACKET_FILTER = 0x80;

    /** What Weir announces: live mode without packet filters. */
    public static final int WEIR_LIVE = TSBPDSND | TSBPDRCV | CRYPT | TLPKTDROP | PERIODICNAK | REXMITFLG;

    private SrtFlags() {
    }
}
