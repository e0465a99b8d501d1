package dev.weir.engine.rtmp.chunk;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.weir.engine.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chunk headers from RTMP specification 5.3.1, pushed through the real reader as annotated bytes. */
class ChunkReaderTest {
    private static final int LIMIT_CHUNK = 65536;
    private static final int LIMIT_MESSAGE = 1 << 20;
    private static final int LIMIT_STREAMS = 8;

    private static ChunkReader reader(byte[] wire) {
        return new ChunkReader(new ByteArrayInputStream(wire), LIMIT_CHUNK, LIMIT_MESSAGE, LIMIT_STREAMS);
    }

    private static List<RtmpMessage> readAll(byte[] wire, int count) throws IOException {
        ChunkReader r = reader(wire);
        List<RtmpMessage> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(r.readMessage());
        }
        return out;
    }

    @Test
    void fmt0CarriesEverything() throws IOException {
        byte[] wire = bytes("""
                03              // fmt 0, csid 3
                000064          // timestamp 100
                000003          // length 3
                14              // type 20 (AMF0 command)
                01000000        // message stream id 1, little-endian
                aabbcc          // payload
                """);

        RtmpMessage m = reader(wire).readMessage();

        assertEquals(3, m.chunkStreamId());
        assertEquals(20, m.typeId());
        assertEquals(1, m.streamId());
        assertEquals(100, m.timestamp());
        assertArrayEquals(bytes("aabbcc"), m.payload());
    }

    @Test
    void fmt1InheritsTheStreamIdFmt2TheLengthAndTypeFmt3TheDelta() throws IOException {
        byte[] wire = bytes("""
                04 0003e8 000002 09 01000000  aaaa   // fmt 0 csid 4: ts 1000, len 2, video, stream 1
                44 000028 000003 08           bbbbbb // fmt 1 csid 4: delta 40, len 3, audio; stream 1 inherited
                84 000014                     cccccc // fmt 2 csid 4: delta 20; len 3 and audio inherited
                c4                            dddddd // fmt 3 csid 4: a new message repeating delta 20
                """);

        List<RtmpMessage> m = readAll(wire, 4);

        assertEquals(List.of(1000L, 1040L, 1060L, 1080L), m.stream().map(RtmpMessage::timestamp).toList());
        assertEquals(List.of(9, 8, 8, 8), m.stream().map(RtmpMessage::typeId).toList());
        assertTrue(m.stream().allMatch(x -> x.streamId() == 1), "fmt 1/2/3 inherit message stream id 1");
        assertArrayEquals(bytes("dddddd"), m.get(3).payload());
    }

    @Test
    void fmt3ContinuesAMessageLongerThanTheChunkSize() throws IOException {
        byte[] payload = new byte[200];
        Arrays.fill(payload, 0, 128, (byte) 0x11);
        Arrays.fill(payload, 128, 200, (byte) 0x22);
        byte[] wire = concat(
                bytes("06 000000 0000c8 09 01000000"), // fmt 0 csid 6, len 200, video
                Arrays.copyOfRange(payload, 0, 128),   // first chunk: default chunk size 128
                bytes("c6"),                           // fmt 3 csid 6: continuation
                Arrays.copyOfRange(payload, 128, 200));

        RtmpMessage m = reader(wire).readMessage();

        assertArrayEquals(payload, m.payload());
    }

    @Test
    void twoAndThreeByteBasicHeaders() throws IOException {
        byte[] wire = bytes("""
                00 00              // fmt 0, csid 0 marker, then csid-64 = 0 → csid 64
                000000 000001 12 00000000 01
                01 00 01           // fmt 0, csid 1 marker, then (csid-64) little-endian 0x0100 → csid 320
                000000 000001 12 00000000 02
                """);

        List<RtmpMessage> m = readAll(wire, 2);

        assertEquals(64, m.get(0).chunkStreamId());
        assertEquals(320, m.get(1).chunkStreamId());
    }

    @Test
    void extendedTimestampOnFmt0AndRepeatedOnType3Continuation() throws IOException {
        byte[] first = new byte[128];
        byte[] rest = new byte[10];
        Arrays.fill(rest, (byte) 0x55);
        byte[] wire = concat(
                bytes("""
                        05 ffffff 00008a 09 01000000  // fmt 0 csid 5, timestamp field 0xffffff: extended follows; len 138
                        01000000                      // extended timestamp 0x01000000 = 16777216 ms (4h39m37s)
                        """),
                first,
                bytes("""
                        c5                            // fmt 3 continuation
                        01000000                      // the extended timestamp, repeated
                        """),
                rest);

        ChunkReader r = reader(wire);
        RtmpMessage m = r.readMessage();

        assertEquals(0x01000000L, m.timestamp());
        assertEquals(138, m.length());
        assertArrayEquals(rest, Arrays.copyOfRange(m.payload(), 128, 138));
        assertEquals(wire.length, r.bytesRead());
    }

    @Test
    void continuationWithoutTheRepeatedExtendedTimestampIsAcceptedToo() throws IOException {
        byte[] rest = bytes("99887766 55");  // payload that does not equal the extended field
        byte[] wire = concat(
                bytes("05 ffffff 000085 09 01000000 01000000"), // extended ts 0x01000000, len 133
                new byte[128],
                bytes("c5"),                                     // continuation, old-encoder style: no ext field
                rest);

        RtmpMessage m = reader(wire).readMessage();

        assertArrayEquals(rest, Arrays.copyOfRange(m.payload(), 128, 133));
    }

    @Test
    void timestampsCrossThe24BitLimitAndThe32BitWrap() throws IOException {
        byte[] wire = bytes("""
                04 fffffe 000001 09 01000000  00  // ts 0xfffffe: the largest plain 24-bit value but one
                84 000010                     00  // delta 16 → 0x100000e: past 0xffffff with a plain delta
                84 ffffff 00000010            00  // delta field extended: 16 again (fmt 2 + extended)
                c4 00000010                   00  // fmt 3 new message: repeats the extended delta 16
                04 ffffff 000001 09 01000000 fffffff0 00  // fmt 0 absolute 0xfffffff0 (49.7 days minus 16 ms)
                04 ffffff 000001 09 01000000 00000010 00  // fmt 0 absolute 0x10: the 32-bit clock wrapped
                """);

        List<RtmpMessage> m = readAll(wire, 6);

        assertEquals(List.of(0xfffffeL, 0x100000eL, 0x100001eL, 0x100002eL, 0xfffffff0L, 0x1_0000_0010L),
                m.stream().map(RtmpMessage::timestamp).toList());
    }

    @Test
    void setChunkSizeAppliesToTheNextChunk() throws IOException {
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 7);
        byte[] wire = concat(
                bytes("02 000000 000004 01 00000000 00000200"), // Set Chunk Size 512
                bytes("06 000000 00012c 09 01000000"),           // 300-byte video message, one chunk now
                payload);

        ChunkReader r = reader(wire);
        RtmpMessage control = r.readMessage();
        RtmpMessage video = r.readMessage();

        assertEquals(1, control.typeId());
        assertEquals(512, r.chunkSize());
        assertArrayEquals(payload, video.payload());
    }

    @Test
    void abortDropsThePartialMessage() throws IOException {
        byte[] wire = concat(
                bytes("06 000000 0000c8 09 01000000"), new byte[128], // 200-byte message, 128 sent
                bytes("02 000000 000004 02 00000000 00000006"),      // Abort csid 6
                bytes("06 000064 000001 08 01000000 ab"));            // a new fmt 0 message on csid 6

        ChunkReader r = reader(wire);
        assertEquals(2, r.readMessage().typeId());
        RtmpMessage next = r.readMessage();

        assertEquals(8, next.typeId());
        assertArrayEquals(bytes("ab"), next.payload());
    }

    @Test
    void incompleteInputEndsInEof() {
        byte[] header = bytes("03 000064 0000"); // cut inside the length field
        byte[] payload = bytes("03 000064 000005 14 01000000 aabb"); // 2 of 5 payload bytes

        assertThrows(EOFException.class, () -> reader(header).readMessage());
        assertThrows(EOFException.class, () -> reader(payload).readMessage());
        assertThrows(EOFException.class, () -> reader(new byte[0]).readMessage());
    }

    @Test
    void aChunkSizeAboveTheLimitIsRefused() {
        byte[] wire = bytes("02 000000 000004 01 00000000 00010001"); // Set Chunk Size 65537

        var e = assertThrows(ChunkException.class, () -> reader(wire).readMessage());
        assertTrue(e.getMessage().contains("65537"), e.getMessage());
    }

    @Test
    void tooManyChunkStreamsAreRefused() {
        byte[] wire = bytes("""
                03 000000 000001 14 00000000 05
                04 000000 000001 14 00000000 05
                05 000000 000001 14 00000000 05
                """);
        ChunkReader r = new ChunkReader(new ByteArrayInputStream(wire), LIMIT_CHUNK, LIMIT_MESSAGE, 2);

        assertThrows(ChunkException.class, () -> {
            r.readMessage();
            r.readMessage();
            r.readMessage();
        });
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        byte[] wire = bytes("06 000000 100001 09 01000000"); // claims 0x100001 bytes, limit 0x100000, no body sent

        var e = assertThrows(ChunkException.class, () -> reader(wire).readMessage());
        assertTrue(e.getMessage().contains("1048577"), e.getMessage());
    }

    @Test
    void aChunkStreamMustStartWithFmt0() {
        assertThrows(ChunkException.class, () -> reader(bytes("44 000028 000003 08 bbbbbb")).readMessage());
    }

    @Test
    void aNewHeaderInsideAnUnfinishedMessageIsRefused() {
        byte[] wire = concat(bytes("06 000000 0000c8 09 01000000"), new byte[128], bytes("46 000000 000001 09 00"));

        assertThrows(ChunkException.class, () -> reader(wire).readMessage());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
