package dev.weir.engine.srt.handshake;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The handshake's 16-byte peer IP address field. libsrt stores the address as four 32-bit words in host order
 * and converts each to network order, so on the wire every 4-byte group is reversed: 127.0.0.1 is
 * {@code 01 00 00 7f} followed by 12 zero bytes (captured in golden/srt/plain.txt). An IPv6 address is 16 bytes
 * with each group of 4 reversed.
 */
public final class PeerAddressField {

    private PeerAddressField() {
    }

    public static byte[] encode(InetAddress address) {
        byte[] raw = address.getAddress();
        byte[] out = new byte[16];
        for (int i = 0; i < raw.length; i++) {
            out[i / 4 * 4 + 3 - i % 4] = raw[i];
        }
        return out;
    }

    /** The address, IPv4 when the last 12 bytes are zero; never throws for a 16-byte field. */
    public static InetAddress decode(byte[] field) {
        byte[] swapped = new byte[16];
        for (int i = 0; i < 16; i++) {
            swapped[i / 4 * 4 + 3 - i % 4] = field[i];
        }
        boolean v4 = true;
        for (int i = 4; i < 16; i++) {
            v4 &= swapped[i] == 0;
        }
        try {
            return v4 ? Inet4Address.getByAddress(java.util.Arrays.copyOf(swapped, 4))
                    : Inet6Address.getByAddress(swapped);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("fixed-size address rejected", e);
        }
    }
}
