package dev.weir.engine.rtmp.client;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;
import dev.weir.engine.testing.Hex;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The playing client against a scripted server (the server's own codecs write its answers): what it sends, the
 * play command's exact bytes, and how it reads starts, refusals, media, pings and the server's window.
 */
class RtmpPlayClientTest {
    static final RtmpTarget TARGET = new RtmpTarget("h", 1935, false, true, "live", "cam?token=t", "rtmp://h:1935/live");
    static final int STREAM = 1;

    /** A scripted server: S0S1S2 of a simple-handshake server, then messages as it would chunk them. */
    static final class Script {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ChunkWriter writer = new ChunkWriter();

        Script() {
            byte[] s0s1s2 = new byte[ClientHandshake.S0S1S2_SIZE];
            s0s1s2[0] = 3;
            bytes.writeBytes(s0s1s2);
        }

        Script message(RtmpMessage m) throws IOException {
            writer.write(m, bytes);
            return this;
        }

        Script command(Command c) throws IOException {
            return message(c.toMessage(MessageTypes.CSID_COMMAND, c.name().equals("onStatus") ? STREAM : 0));
        }

        /** What Weir and nginx-rtmp answer to connect and createStream. */
        Script accepting() throws IOException {
            return command(CommandReplies.connectResult(1, 0)).command(CommandReplies.createStreamResult(2, STREAM));
        }

        Script media(int type, long timestamp, byte[] body) throws IOException {
            return message(new RtmpMessage(type == MessageTypes.AUDIO ? MessageTypes.CSID_AUDIO : MessageTypes.CSID_VIDEO,
                    type, STREAM, timestamp, body));
        }

        ByteArrayInputStream in() {
            return new ByteArrayInputStream(bytes.toByteArray());
        }
    }

    /** The messages the client sent after its handshake (C0C1 and C2). */
    static List<RtmpMessage> sentMessages(ByteArrayOutputStream sent) throws IOException {
        byte[] b = sent.toByteArray();
        int start = ClientHandshake.C0C1_SIZE + 1536;
        ChunkReader reader = new ChunkReader(new ByteArrayInputStream(b, start, b.length - start), 1 << 20, 1 << 20, 64);
        List<RtmpMessage> out = new ArrayList<>();
        while (true) {
            try {
                out.add(reader.readMessage());
            } catch (EOFException end) {
                return out;
            }
        }
    }

    private static String describe(RtmpMessage m) throws IOException {
        return RtmpClientSession.isCommand(m) ? Command.decode(m).name() + "@" + m.streamId() : "type" + m.typeId() + "@" + m.streamId();
    }

    @Test
    void connectsCreatesAStreamPlaysAndHandsOutMedia() throws Exception {
        byte[] keyframe = {0x17, 0x01, 0, 0, 0, 1, 2, 3};
        byte[] aac = {(byte) 0xAF, 0x01, 0x21, 0x10};
        Script server = new Script().accepting()
                .command(CommandReplies.playReset("live/cam")).command(CommandReplies.playStart("live/cam"))
                .media(MessageTypes.VIDEO, 0, keyframe).media(MessageTypes.AUDIO, 23, aac);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, server.in(), sent);
        assertEquals("NetConnection.Connect.Success", client.connectStatus().code());
        assertEquals(CommandReplies.FMS_VERSION, client.serverVersion());
        RtmpStatus started = client.play(Duration.ofSeconds(1));
        assertEquals("NetStream.Play.Start", started.code(), "Play.Reset before it is passed over");

        RtmpPlayClient.Incoming.Media video = assertInstanceOf(RtmpPlayClient.Incoming.Media.class, client.next());
        assertEquals(MediaMessage.Kind.VIDEO, video.message().kind());
        assertArrayEquals(keyframe, video.message().body());
        RtmpPlayClient.Incoming.Media audio = assertInstanceOf(RtmpPlayClient.Incoming.Media.class, client.next());
        assertEquals(MediaMessage.Kind.AUDIO, audio.message().kind());
        assertEquals(23, audio.message().timestamp());
        assertThrows(EOFException.class, client::next, "the script ends: the server closed");

        List<String> seen = new ArrayList<>();
        for (RtmpMessage m : sentMessages(sent)) seen.add(describe(m));
        assertEquals(List.of("type1@0", "connect@0", "createStream@0", "play@1", "type4@0"), seen);
        Command connect = Command.decode(sentMessages(sent).get(1));
        assertEquals("live", connect.property("app"));
        assertEquals("rtmp://h:1935/live", connect.property("tcUrl"));
        assertEquals(RtmpPlayClient.FLASH_VER, connect.property("flashVer"));
    }

    /**
     * Golden: the play command and the buffer length after it, as chunks. Layout from the RTMP specification 1.0
     * (chunk header 5.3.1.2, play 7.2.2.1, SetBufferLength 7.1.7) and AMF0 (string 0x02, number 0x00, null 0x05);
     * the start argument -2000 (IEEE 754 0xC09F400000000000) and the 3000 ms buffer are ffmpeg's defaults.
     */
    @Test
    void thePlayCommandAndBufferLengthOnTheWire() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, new Script().accepting()
                .command(CommandReplies.playStart("live/cam")).in(), sent);
        int before = sent.size();
        client.play(Duration.ofSeconds(1));
        byte[] wrote = Arrays.copyOfRange(sent.toByteArray(), before, sent.size());
        byte[] expected = Hex.bytes("""
                05                      // fmt 0, chunk stream 5 (its first message: a full header)
                000000                  // timestamp 0
                000028                  // message length 40
                14                      // type 20: AMF0 command
                01000000                // message stream 1, little-endian (the id createStream gave)
                02 0004 706c6179        // "play"
                00 0000000000000000     // transaction 0
                05                      // command object: null
                02 000b 63616d3f746f6b656e3d74   // stream name "cam?token=t", query passed on as ffmpeg does
                00 c09f400000000000     // start -2000: live, else recorded
                42                      // fmt 1, chunk stream 2 (after Set Chunk Size there: stream id inherited)
                000000                  // timestamp delta 0
                00000a                  // message length 10
                04                      // type 4: user control
                0003                    // event 3: SetBufferLength
                00000001                // stream 1
                00000bb8                // 3000 ms
                """);
        assertEquals(Hex.of(expected), Hex.of(wrote));
    }

    @Test
    void aStreamNotFoundIsARefusalWithTheServersCodeAndDescription() throws Exception {
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, new Script().accepting()
                .command(CommandReplies.onStatus("error", "NetStream.Play.StreamNotFound", "No such stream")).in(),
                new ByteArrayOutputStream());
        RtmpRefusedException e = assertThrows(RtmpRefusedException.class, () -> client.play(Duration.ofSeconds(1)));
        assertEquals("play", e.request());
        assertEquals(new RtmpStatus("error", "NetStream.Play.StreamNotFound", "No such stream"), e.status());
        assertEquals("server refused play: NetStream.Play.StreamNotFound (No such stream)", e.getMessage());
    }

    @Test
    void aRejectedConnectIsARefusalOfConnect() throws Exception {
        Script server = new Script().command(Command.of("_error", 1, null, Map.of("level", "error",
                "code", "NetConnection.Connect.Rejected", "description", "[ AccessManager.Reject ] : no such app")));
        RtmpRefusedException e = assertThrows(RtmpRefusedException.class,
                () -> RtmpPlayClient.setUpOver(TARGET, server.in(), new ByteArrayOutputStream()));
        assertEquals("connect", e.request());
        assertEquals("NetConnection.Connect.Rejected", e.status().code());
        assertTrue(e.getMessage().contains("no such app"), e.getMessage());
    }

    @Test
    void aServerThatClosesBeforeAnsweringSaysSo() throws Exception {
        EOFException e = assertThrows(EOFException.class,
                () -> RtmpPlayClient.setUpOver(TARGET, new Script().in(), new ByteArrayOutputStream()));
        assertEquals("server closed the connection without answering connect", e.getMessage());
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, new Script().accepting().in(), new ByteArrayOutputStream());
        e = assertThrows(EOFException.class, () -> client.play(Duration.ofSeconds(1)));
        assertEquals("server closed the connection without answering play", e.getMessage());
    }

    @Test
    void pingsAreAnsweredAndTheServersWindowAcknowledged() throws Exception {
        Script server = new Script().message(new ProtocolControl.WindowAckSize(6000).toMessage()).accepting()
                .message(new UserControl.PingRequest(777).toMessage())
                .command(CommandReplies.playStart("live/cam"));
        for (int i = 0; i < 4; i++) server.media(MessageTypes.VIDEO, i * 40L, new byte[1000]);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, server.in(), sent);
        client.play(Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) assertInstanceOf(RtmpPlayClient.Incoming.Media.class, client.next());
        assertThrows(EOFException.class, client::next);

        List<Long> acks = new ArrayList<>();
        boolean pong = false;
        for (RtmpMessage m : sentMessages(sent)) {
            if (m.typeId() == MessageTypes.ACKNOWLEDGEMENT
                    && ProtocolControl.decode(m.typeId(), m.payload()) instanceof ProtocolControl.Acknowledgement(long n)) {
                acks.add(n);
            }
            if (m.typeId() == MessageTypes.USER_CONTROL && UserControl.decode(m.payload()) instanceof UserControl.PingResponse(long t)) {
                pong = t == 777;
            }
        }
        assertTrue(pong, "the ping was answered with its timestamp");
        assertEquals(1, acks.size(), "one window's worth arrived (3073 handshake bytes, then about 4000 of chunks)");
        assertTrue(acks.getFirst() >= 6000 && acks.getFirst() <= client.bytesRead(), acks.toString());
    }

    @Test
    void statusesAfterTheStartAreHandedOut() throws Exception {
        RtmpPlayClient client = RtmpPlayClient.setUpOver(TARGET, new Script().accepting()
                .command(CommandReplies.playStart("live/cam")).command(CommandReplies.playUnpublishNotify("live/cam")).in(),
                new ByteArrayOutputStream());
        client.play(Duration.ofSeconds(1));
        RtmpPlayClient.Incoming.Status s = assertInstanceOf(RtmpPlayClient.Incoming.Status.class, client.next());
        assertEquals(CommandReplies.PLAY_UNPUBLISH_NOTIFY, s.status().code());
        assertFalse(s.status().isError());
    }
}
