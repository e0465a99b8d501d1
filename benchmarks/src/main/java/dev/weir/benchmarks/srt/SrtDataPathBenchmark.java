package dev.weir.benchmarks.srt;

import dev.weir.engine.srt.live.SteadyStateLink;
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
 * One packet through the whole I/O-free data path, sender connection to receiver connection (the engine test-jar's
 * {@link SteadyStateLink}): copy into the send buffer, encrypt, encode, decode into the holder, decrypt, store, ACK
 * and ACKACK traffic, TSBPD delivery, at 100 Mbit/s of virtual time. Sockets and threads are not included. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtDataPathBenchmark {

    @Param({"false", "true"})
    public boolean encrypted;

    private SteadyStateLink link;

    @Setup
    public void setUp() {
        link = new SteadyStateLink(encrypted, 10_000);
        for (int i = 0; i < 30_000; i++) {
            link.sendOne();
        }
    }

    @Benchmark
    public long senderToReceiver() {
        link.sendOne();
        return link.delivered();
    }
}
