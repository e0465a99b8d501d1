package dev.weir.engine.srt.packet;

/**
 * A datagram (or a part of one: a handshake extension, a key material message) that does not follow the SRT wire
 * format. Parsers of network input throw this and nothing else; callers drop the datagram and log the message,
 * which names the field and the sizes involved.
 */
public final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }

    /** Throws when {@code condition} is false; keeps size checks in decoders to one line. */
    public static void require(boolean condition, String what) throws MalformedPacketException {
        if (!condition) {
            throw new MalformedPacketException(what);
        }
    }
}
