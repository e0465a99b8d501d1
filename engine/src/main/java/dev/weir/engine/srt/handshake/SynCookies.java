package dev.weir.engine.srt.handshake;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SYN cookies: the listener answers an induction without keeping any state, handing the caller a cookie derived
 * from the caller's address and port, a time bucket and a secret; the conclusion must return it. Like libsrt
 * (which hashes host, port and the current minute), a cookie from the current or the previous bucket is valid,
 * so a caller that got its cookie just before a bucket boundary still connects.
 */
public final class SynCookies {

    /** Bucket length: a cookie stays valid between one and two of these. */
    public static final long BUCKET_MICROS = 60_000_000L;

    private final SecretKeySpec secret;

    public SynCookies(byte[] secret) {
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public static SynCookies withRandomSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new SynCookies(secret);
    }

    public int cookie(InetSocketAddress peer, long nowMicros) {
        return cookieForBucket(peer, Math.floorDiv(nowMicros, BUCKET_MICROS));
    }

    public boolean isValid(int cookie, InetSocketAddress peer, long nowMicros) {
        long bucket = Math.floorDiv(nowMicros, BUCKET_MICROS);
        return cookie == cookieForBucket(peer, bucket) || cookie == cookieForBucket(peer, bucket - 1);
    }

    private int cookieForBucket(InetSocketAddress peer, long bucket) {
        byte[] address = peer.getAddress().getAddress();
        ByteBuffer input = ByteBuffer.allocate(address.length + 4 + 8);
        input.put(address).putInt(peer.getPort()).putLong(bucket);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return ByteBuffer.wrap(mac.doFinal(input.array())).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
