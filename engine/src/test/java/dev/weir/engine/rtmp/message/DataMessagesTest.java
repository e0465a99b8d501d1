package dev.weir.engine.rtmp.message;

import org.junit.jupiter.api.Test;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.Hex.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DataMessagesTest {

    @Test
    void stripsSetDataFrameAndKeepsOnMetaDataAndItsValue() throws MalformedMessageException {
        byte[] fromPublisher = bytes("""
                02 000d 40736574446174614672616d65            // "@setDataFrame"
                02 000a 6f6e4d65746144617461                  // "onMetaData"
                08 00000001 0005 7769647468 00 4084000000000000 0000 09  // ECMA array {width: 640}
                """);

        byte[] forwarded = DataMessages.stripSetDataFrame(fromPublisher);

        assertEquals(of(bytes("""
                02 000a 6f6e4d65746144617461
                08 00000001 0005 7769647468 00 4084000000000000 0000 09
                """)), of(forwarded));
        assertEquals("onMetaData", DataMessages.name(forwarded));
    }

    @Test
    void otherDataMessagesPassUnchanged() throws MalformedMessageException {
        byte[] onMetaData = bytes("02 000a 6f6e4d65746144617461 05");
        assertSame(onMetaData, DataMessages.stripSetDataFrame(onMetaData));
    }
}
