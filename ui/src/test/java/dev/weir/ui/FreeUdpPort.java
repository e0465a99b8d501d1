package dev.weir.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;

/** A loopback UDP port that was free a moment ago, for an SRT listener a peer must be told about. */
public final class FreeUdpPort {
    private FreeUdpPort() {}

    public static int find() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback UDP port", e);
        }
    }
}
