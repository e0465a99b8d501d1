package dev.weir.benchmarks.srt;

import dev.weir.engine.srt.crypto.PayloadCipher;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CTR over one 1316-byte payload (seven TS packets), in place, with SRT's per-packet counter block: what the
 * sender does before sending and the receiver after receiving (CTR encryption and decryption are the same
 * operation; both are measured so the table reads like the issue). Key sizes 128 and 256 bits.
 *
 * <p>{@code jdkCtrPerPacketInit} is the way {@link PayloadCipher} used to do it, kept here as the reference: the JDK's
 * {@code AES/CTR/NoPadding} re-initialised with each packet's IV and run in place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtCryptoBenchmark {

    @Param({"16", "32"})
    public int keyBytes;

    private PayloadCipher sender;
    private PayloadCipher receiver;
    private final byte[] payload = new byte[1316];
    private int seq;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        byte[] key = new byte[keyBytes];
        byte[] salt = new byte[16];
        random.nextBytes(key);
        random.nextBytes(salt);
        random.nextBytes(payload);
        sender = new PayloadCipher(key, salt);
        receiver = new PayloadCipher(key, salt);
        jdkKey = new SecretKeySpec(key, "AES");
        try {
            jdkCtr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(salt, 0, iv, 0, 14);
    }

    private SecretKeySpec jdkKey;
    private Cipher jdkCtr;
    private final byte[] iv = new byte[16];

    @Benchmark
    public byte[] jdkCtrPerPacketInit() throws GeneralSecurityException {
        int s = seq++ & 0x7FFF_FFFF;
        iv[13] = (byte) s;  // a different counter block per packet, as SRT's IV
        iv[12] = (byte) (s >>> 8);
        jdkCtr.init(Cipher.ENCRYPT_MODE, jdkKey, new IvParameterSpec(iv));
        jdkCtr.doFinal(payload, 0, payload.length, payload, 0);
        return payload;
    }

    @Benchmark
    public byte[] encrypt() {
        sender.transform(seq++ & 0x7FFF_FFFF, payload, 0, payload.length);
        return payload;
    }

    @Benchmark
    public byte[] decrypt() {
        receiver.transform(seq++ & 0x7FFF_FFFF, payload, 0, payload.length);
        return payload;
    }
}
