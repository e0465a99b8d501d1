package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Handshake (type 0). The CIF is 48 fixed bytes followed, in HSv5 conclusion packets, by extension blocks:
 *
 * <pre>
 * | Version | Encryption Field (16) | Extension Field (16) | Initial Packet Sequence Number |
 * | Maximum Transmission Unit Size | Maximum Flow Window Size | Handshake Type | SRT Socket ID |
 * | SYN Cookie | Peer IP Address (16 bytes) | [ Extension Type (16) | Extension Length (16) | Contents ]...
 * </pre>
 *
 * The handshake type is kept as an int: 1 induction, -1 conclusion, 0 wave-a-hand, -2 agreement, and 1000+reason
 * for a rejection (see {@code dev.weir.engine.srt.handshake.HandshakeType}). The peer address is kept as the 16
 * raw bytes (libsrt writes each 32-bit word of the address byte-swapped; {@code PeerAddressField} decodes it).
 */
public record HandshakePacket(int version, int encryptionField, int extensionField, int initialSequenceNumber,
                              int mss, int flowWindow, int handshakeType, int socketId, int synCookie,
                              byte[] peerAddress, List<HandshakeExtensionBlock> extensions, int timestamp,
                              int destinationSocketId) implements ControlPacket {

    /** Size of the fixed part of the handshake CIF. */
    public static final int FIXED_CIF_SIZE = 48;

    public HandshakePacket {
        Objects.requireNonNull(peerAddress, "peerAddress");
        if (peerAddress.length != 16) {
            throw new IllegalArgumentException("peer address field is 16 bytes, got " + peerAddress.length);
        }
        peerAddress = peerAddress.clone();
        extensions = List.copyOf(extensions);
    }

    @Override
    public int controlType() {
        return TYPE_HANDSHAKE;
    }

    @Override
    public byte[] peerAddress() {
        return peerAddress.clone();
    }

    /** The same handshake with another timestamp (for comparisons and resends). */
    public HandshakePacket withTimestamp(int value) {
        return new HandshakePacket(version, encryptionField, extensionField, initialSequenceNumber, mss, flowWindow,
                handshakeType, socketId, synCookie, peerAddress, extensions, value, destinationSocketId);
    }

    /** The same handshake with another SYN cookie. */
    public HandshakePacket withCookie(int value) {
        return new HandshakePacket(version, encryptionField, extensionField, initialSequenceNumber, mss, flowWindow,
                handshakeType, socketId, value, peerAddress, extensions, timestamp, destinationSocketId);
    }

    /** The first extension block of a type, or null. */
    public HandshakeExtensionBlock extension(int type) {
        for (HandshakeExtensionBlock b : extensions) {
            if (b.type() == type) {
                return b;
            }
        }
        return null;
    }

    @Override
    public int encodedLength() {
        int n = HEADER_SIZE + FIXED_CIF_SIZE;
        for (HandshakeExtensionBlock b : extensions) {
            n += b.encodedLength();
        }
        return n;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_HANDSHAKE, 0, 0, timestamp, destinationSocketId);
        out.putInt(version);
        out.putShort((short) encryptionField);
        out.putShort((short) extensionField);
        out.putInt(initialSequenceNumber);
        out.putInt(mss);
        out.putInt(flowWindow);
        out.putInt(handshakeType);
        out.putInt(socketId);
        out.putInt(synCookie);
        out.put(peerAddress);
        for (HandshakeExtensionBlock b : extensions) {
            out.putShort((short) b.type());
            out.putShort((short) (b.content().length / 4));
            out.put(b.content());
        }
    }

    static HandshakePacket decode(ByteBuffer in, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        MalformedPacketException.require(cifLength >= FIXED_CIF_SIZE,
                "handshake CIF of " + cifLength + " bytes is shorter than its 48 fixed bytes");
        int base = in.position() + HEADER_SIZE;
        int version = in.getInt(base);
        int encryption = in.getShort(base + 4) & 0xFFFF;
        int extension = in.getShort(base + 6) & 0xFFFF;
        int isn = in.getInt(base + 8);
        byte[] peer = new byte[16];
        in.get(base + 32, peer);
        int at = base + FIXED_CIF_SIZE;
        int end = base + cifLength;
        MalformedPacketException.require((end - at) % 4 == 0,
                "handshake extensions must be whole 32-bit words, got " + (end - at) + " bytes");
        List<HandshakeExtensionBlock> blocks = new ArrayList<>();
        while (at < end) {
            int type = in.getShort(at) & 0xFFFF;
            int words = in.getShort(at + 2) & 0xFFFF;
            at += 4;
            MalformedPacketException.require(words * 4 <= end - at, "handshake extension " + type + " claims "
                    + words * 4 + " bytes but " + (end - at) + " remain");
            byte[] content = new byte[words * 4];
            in.get(at, content);
            blocks.add(new HandshakeExtensionBlock(type, content));
            at += words * 4;
        }
        return new HandshakePacket(version, encryption, extension, isn, in.getInt(base + 12), in.getInt(base + 16),
                in.getInt(base + 20), in.getInt(base + 24), in.getInt(base + 28), peer, blocks, timestamp, dest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakePacket h && version == h.version && encryptionField == h.encryptionField
                && extensionField == h.extensionField && initialSequenceNumber == h.initialSequenceNumber
                && mss == h.mss && flowWindow == h.flowWindow && handshakeType == h.handshakeType
                && socketId == h.socketId && synCookie == h.synCookie && Arrays.equals(peerAddress, h.peerAddress)
                && extensions.equals(h.extensions) && timestamp == h.timestamp
                && destinationSocketId == h.destinationSocketId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, handshakeType, socketId, synCookie, initialSequenceNumber, extensions);
    }

    @Override
    public String toString() {
        return "HandshakePacket[v" + version + ", type=" + handshakeType + ", enc=" + encryptionField + ", ext=0x"
                + Integer.toHexString(extensionField) + ", isn=" + initialSequenceNumber + ", mss=" + mss
                + ", fw=" + flowWindow + ", socket=0x" + Integer.toHexString(socketId) + ", cookie=0x"
                + Integer.toHexString(synCookie) + ", extensions=" + extensions + ", dest=0x"
                + Integer.toHexString(destinationSocketId) + "]";
    }
}
