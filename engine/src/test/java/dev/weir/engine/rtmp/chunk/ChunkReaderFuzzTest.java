package dev.weir.engine.rtmp.chunk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.rtmp.message.AggregateMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.DataMessages;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Everything the server parses after the handshake, fed arbitrary bytes: the chunk reader, then each message
 * body's parser. An {@link IOException} (malformed input, end of input) is the expected way to fail; any other
 * exception or a hang is a bug. Small limits keep each run cheap.
 */
class ChunkReaderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readsArbitraryChunkStreams(byte[] input) {
        ChunkReader reader = new ChunkReader(new ByteArrayInputStream(input), 65536, 64 * 1024, 8);
        try {
            while (true) {
                RtmpMessage m = reader.readMessage();
                parseBody(m);
            }
        } catch (IOException expected) {
            // malformed or exhausted input ends the connection: the designed outcome
        }
    }

    private static void parseBody(RtmpMessage m) throws IOException {
        switch (m.typeId()) {
            case MessageTypes.COMMAND_AMF0, MessageTypes.COMMAND_AMF3 -> Command.decode(m);
            case MessageTypes.DATA_AMF0 -> DataMessages.stripSetDataFrame(m.payload());
            case MessageTypes.AGGREGATE -> AggregateMessage.split(m);
            case MessageTypes.USER_CONTROL -> {
                try {
                    UserControl.decode(m.payload());
                } catch (IllegalArgumentException tooShort) {
                    // documented outcome for a short body
                }
            }
            case MessageTypes.WINDOW_ACK_SIZE, MessageTypes.ACKNOWLEDGEMENT, MessageTypes.SET_PEER_BANDWIDTH -> {
                try {
                    ProtocolControl.decode(m.typeId(), m.payload());
                } catch (IllegalArgumentException tooShort) {
                    // documented outcome for a short body
                }
            }
            default -> { }
        }
    }
}
