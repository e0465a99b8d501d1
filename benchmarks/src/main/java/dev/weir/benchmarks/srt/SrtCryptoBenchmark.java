package dev.weir.benchmarks.srt;

import dev.weir.engine.srt.crypto.PayloadCipher;
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

/**
 * AES-CTR over one 1316-byte payload (seven TS packets), in place, with SRT's per-packet counter block: what the
 * sender does before sending and the receiver after receiving (CTR encryption and decryption are the same
 * operation; both are measured so the table reads like the issue). Key sizes 128 and 256 bits.
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
