package dev.weir.benchmarks.srt;

import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.PacketPosition;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.SrtPacket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRT packet encode/decode: a 1316-byte data packet (as a record, the allocating codec, and through the reusable
 * {@link DataPacketHolder} the data path uses), a full ACK, a NAK with a single loss and a range, and an HSv5
 * conclusion handshake with HSREQ and stream id extensions. Encoding writes into a reused direct buffer, as the
 * multiplexer does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtPacketBenchmark {

    private final ByteBuffer out = ByteBuffer.allocateDirect(2048);
    private DataPacket data;
    private ByteBuffer dataBytes;
    private final DataPacketHolder holder = new DataPacketHolder(1456);
    private AckPacket ack;
    private ByteBuffer ackBytes;
    private NakPacket nak;
    private ByteBuffer nakBytes;
    private HandshakePacket handshake;
    private ByteBuffer handshakeBytes;

    @Setup
    public void setUp() throws MalformedPacketException {
        byte[] payload = new byte[1316];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        data = new DataPacket(123_456, PacketPosition.SOLO, false, KeyFlags.NONE, false, 4567, 1_000_000, 0x1234_5678,
                payload);
        dataBytes = direct(data);
        holder.decode(dataBytes);
        ack = AckPacket.full(77, 123_457, 20_000, 5_000, 8000, 9500, 80_000, 12_500_000, 1_000_000, 0x1234_5678);
        ackBytes = direct(ack);
        nak = new NakPacket(List.of(new SeqRange(123_400, 123_400), new SeqRange(123_410, 123_420)), 1_000_000,
                0x1234_5678);
        nakBytes = direct(nak);
        byte[] hsreq = {0, 1, 5, 1, 0, 0, 0, (byte) 0xbf, 0, (byte) 200, 0, (byte) 200};
        byte[] streamId = {'e', 'v', 'i', 'l', ' ', 'c', 'b', 'a', 0, 0, 0, '/'};
        handshake = new HandshakePacket(5, 0, 5, 123_456, 1500, 8192, -1, 0x2222_3333, 0x4444_5555,
                new byte[] {1, 0, 0, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                List.of(new HandshakeExtensionBlock(HandshakeExtensionBlock.HSREQ, hsreq),
                        new HandshakeExtensionBlock(HandshakeExtensionBlock.SID, streamId)), 50_000, 0);
        handshakeBytes = direct(handshake);
    }

    private static ByteBuffer direct(SrtPacket p) {
        byte[] bytes = p.toBytes();
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    @Benchmark
    public ByteBuffer dataEncodeRecord() {
        out.clear();
        data.encode(out);
        return out;
    }

    @Benchmark
    public SrtPacket dataDecodeRecord() throws MalformedPacketException {
        return PacketCodec.decode(dataBytes);
    }

    @Benchmark
    public ByteBuffer dataEncodeHolder() {
        out.clear();
        holder.encode(out);
        return out;
    }

    @Benchmark
    public DataPacketHolder dataDecodeHolder() throws MalformedPacketException {
        holder.decode(dataBytes);
        return holder;
    }

    @Benchmark
    public ByteBuffer ackEncode() {
        out.clear();
        ack.encode(out);
        return out;
    }

    @Benchmark
    public SrtPacket ackDecode() throws MalformedPacketException {
        return PacketCodec.decode(ackBytes);
    }

    @Benchmark
    public ByteBuffer nakEncode() {
        out.clear();
        nak.encode(out);
        return out;
    }

    @Benchmark
    public SrtPacket nakDecode() throws MalformedPacketException {
        return PacketCodec.decode(nakBytes);
    }

    @Benchmark
    public ByteBuffer handshakeEncode() {
        out.clear();
        handshake.encode(out);
        return out;
    }

    @Benchmark
    public SrtPacket handshakeDecode() throws MalformedPacketException {
        return PacketCodec.decode(handshakeBytes);
    }
}
