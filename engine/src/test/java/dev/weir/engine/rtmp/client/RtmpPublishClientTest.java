package dev.weir.engine.rtmp.client;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.rtmp.chunk.ChunkReader;
import dev.weir.engine.rtmp.chunk.ChunkWriter;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.MessageTypes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publishing client against a scripted server: what it sends, and how it reads answers and refusals. */
class RtmpPublishClientTest {
    static final RtmpTarget TARGET = new RtmpTarget("h", 1935, false, true, "live",
            "cam?token=t", "rtmp://h:1935/live");

    /** S0S1S2 of a simple-handshake server, then {@code replies} as chunks (written by the server's own codecs). */
    static byte[] server(List<Command> replies, int streamId) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] s0s1s2 = new byte[ClientHandshake.S0S1S2_SIZE];
        s0s1s2[0] = 3;
        b.write(s0s1s2);
        ChunkWriter w = new ChunkWriter();
        for (Command c : replies) {
            int stream = c.name().equals("onStatus") ? streamId : 0;
            w.write(c.toMessage(MessageTypes.CSID_COMMAND, stream), b);
        }
        return b.toByteArray();
    }

    @Test
    void publishesAfterConnectCreateStreamAndPublishStart() throws Exception {
        byte[] answers = server(List.of(CommandReplies.connectResult(1, 0), CommandReplies.createStreamResult(4, 7),
                CommandReplies.publishStart("live/cam")), 7);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RtmpPublishClient client = RtmpPublishClient.setUpOver(TARGET, new ByteArrayInputStream(answers), sent);
        client.write(new MediaMessage(MediaMessage.Kind.VIDEO, 40, new byte[] {0x17, 0x01, 0, 0, 0, 1, 2, 3}));
        client.flush();

        byte[] bytes = sent.toByteArray();
        ChunkReader reader = new ChunkReader(new ByteArrayInputStream(bytes, ClientHandshake.C0C1_SIZE + 1536,
                bytes.length), 1 << 20, 1 << 20, 64);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RtmpMessage m = reader.readMessage();
            seen.add(m.typeId() == MessageTypes.COMMAND_AMF0 ? Command.decode(m).name() + "@" + m.streamId()
                    : "type" + m.typeId() + "@" + m.streamId());
        }
        assertEquals(List.of("type1@0", "connect@0", "releaseStream@0", "FCPublish@0", "createStream@0", "publish@7",
                "type9@7"), seen);
    }

    @Test
    void aRelaysConnectCarriesItsPathAndAPlainOneDoesNot() throws Exception {
        byte[] answers = server(List.of(CommandReplies.connectResult(1, 0), CommandReplies.createStreamResult(4, 7),
                CommandReplies.publishStart("live/cam")), 7);
        for (String path : java.util.Arrays.asList("3f9a1c07b2e4.8d21e0aa45c3", null)) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            RtmpPublishClient.setUpOver(TARGET.withRelayPath(path), new ByteArrayInputStream(answers), sent);
            byte[] bytes = sent.toByteArray();
            ChunkReader reader = new ChunkReader(new ByteArrayInputStream(bytes, ClientHandshake.C0C1_SIZE + 1536,
                    bytes.length), 1 << 20, 1 << 20, 64);
            reader.readMessage();                                   // set chunk size
            Command connect = Command.decode(reader.readMessage());
            assertEquals("connect", connect.name());
            assertEquals(path, connect.property("weirRelay"));
            assertEquals("live", connect.property("app"));
        }
    }

    @Test
    void aRefusedPublishIsAnIOExceptionWithTheServersCode() throws Exception {
        byte[] answers = server(List.of(CommandReplies.connectResult(1, 0), CommandReplies.createStreamResult(4, 1),
                CommandReplies.publishBadName("live/cam", "is already being published")), 1);
        IOException e = assertThrows(IOException.class,
                () -> RtmpPublishClient.setUpOver(TARGET, new ByteArrayInputStream(answers), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().startsWith("destination refused publish: NetStream.Publish.BadName"), e.getMessage());
    }

    @Test
    void aServerThatHangsUpMidwayIsAnIOException() throws Exception {
        byte[] answers = server(List.of(CommandReplies.connectResult(1, 0)), 1);
        assertThrows(IOException.class,
                () -> RtmpPublishClient.setUpOver(TARGET, new ByteArrayInputStream(answers), new ByteArrayOutputStream()));
    }
}
