package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.weir.engine.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandTest {

    @Test
    void decodesAnAmf0Connect() throws MalformedMessageException {
        byte[] body = bytes("""
                02 0007 636f6e6e656374                     // "connect"
                00 3ff0000000000000                        // transaction 1
                03 0003 617070 02 0004 6c697665 0000 09    // {app: "live"}
                """);

        Command c = Command.decode(new RtmpMessage(3, MessageTypes.COMMAND_AMF0, 0, 0, body));

        assertEquals("connect", c.name());
        assertEquals(1.0, c.transactionId());
        assertEquals("live", c.property("app"));
        assertEquals(0, c.arguments().size());
    }

    @Test
    void decodesAnAmf3CommandWithItsFormatByteAndASwitchedObject() throws MalformedMessageException {
        byte[] body = bytes("""
                00                                  // AMF3 command: format byte
                02 000c 63726561746553747265616d    // "createStream" (AMF0)
                00 4000000000000000                 // transaction 2
                11 0a 0b 01 07 617070 06 09 6c697665 01   // avmplus switch: AMF3 object {app: "live"}
                11 01                               // avmplus switch: AMF3 null
                """);

        Command c = Command.decode(new RtmpMessage(3, MessageTypes.COMMAND_AMF3, 0, 0, body));

        assertEquals("createStream", c.name());
        assertEquals(2.0, c.transactionId());
        assertEquals(Map.of("app", "live"), c.commandObject());
        assertNull(c.argument(0));
        assertEquals(1, c.arguments().size());
    }

    @Test
    void aCommandWithoutANameIsMalformed() {
        assertThrows(MalformedMessageException.class,
                () -> Command.decode(new RtmpMessage(3, MessageTypes.COMMAND_AMF0, 0, 0, bytes("00 3ff0000000000000"))));
        assertThrows(MalformedMessageException.class,
                () -> Command.decode(new RtmpMessage(3, MessageTypes.COMMAND_AMF0, 0, 0, bytes("02 0005 61"))));
        assertThrows(MalformedMessageException.class,
                () -> Command.decode(new RtmpMessage(3, MessageTypes.COMMAND_AMF3, 0, 0, bytes("00"))));
    }
}
