package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.Hex.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AggregateMessageTest {

    @Test
    void splitsIntoSubMessagesDropsBackPointersAndRebasesTimestamps() throws MalformedMessageException {
        byte[] body = bytes("""
                09 000002 0003e8 00 000000   // tag: video, 2 bytes, timestamp 1000
                1701                         //   data
                0000000d                     //   back-pointer (11 + 2), dropped
                08 000001 000410 00 000000   // tag: audio, 1 byte, timestamp 1040
                af                           //   data
                0000000c                     //   back-pointer
                09 000001 000000 01 000000   // tag: video, timestamp 0x01000000 (high byte 01)
                27
                0000000c
                """);
        RtmpMessage aggregate = new RtmpMessage(4, MessageTypes.AGGREGATE, 1, 5000, body);

        List<RtmpMessage> parts = AggregateMessage.split(aggregate);

        assertEquals(List.of(9, 8, 9), parts.stream().map(RtmpMessage::typeId).toList());
        assertEquals(List.of(5000L, 5040L, 5000L + 0x01000000 - 1000), parts.stream().map(RtmpMessage::timestamp).toList());
        assertEquals(of(bytes("1701")), of(parts.get(0).payload()));
        assertEquals(of(bytes("af")), of(parts.get(1).payload()));
        assertEquals(1, parts.get(2).streamId(), "sub-messages take the aggregate's stream id");
    }

    @Test
    void aSubMessageRunningPastTheEndIsMalformed() {
        RtmpMessage aggregate = new RtmpMessage(4, 22, 1, 0, bytes("09 000010 000000 00 000000 1701"));
        assertThrows(MalformedMessageException.class, () -> AggregateMessage.split(aggregate));
        RtmpMessage cut = new RtmpMessage(4, 22, 1, 0, bytes("09 0000"));
        assertThrows(MalformedMessageException.class, () -> AggregateMessage.split(cut));
    }
}
