package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.Hex.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Protocol control (spec 5.4) and user control (spec 7.1.7) messages as golden bytes. */
class ProtocolControlTest {

    @Test
    void encodesEachProtocolControlMessage() {
        assertEquals(of(bytes("00001000")), of(new ProtocolControl.SetChunkSize(4096).body()));
        assertEquals(of(bytes("00000006")), of(new ProtocolControl.Abort(6).body()));
        assertEquals(of(bytes("0026 25a0")), of(new ProtocolControl.Acknowledgement(2_500_000).body()));
        assertEquals(of(bytes("002625a0")), of(new ProtocolControl.WindowAckSize(2_500_000).body()));
        assertEquals(of(bytes("002625a0 02")), of(new ProtocolControl.SetPeerBandwidth(2_500_000, 2).body()));
        RtmpMessage m = new ProtocolControl.WindowAckSize(1).toMessage();
        assertEquals(2, m.chunkStreamId(), "control messages go on chunk stream 2");
        assertEquals(0, m.streamId());
        assertEquals(5, m.typeId());
    }

    @Test
    void decodesEachProtocolControlMessage() {
        assertEquals(new ProtocolControl.SetChunkSize(4096), ProtocolControl.decode(1, bytes("00001000")));
        assertEquals(new ProtocolControl.SetChunkSize(1), ProtocolControl.decode(1, bytes("80000001")), "bit 31 ignored");
        assertEquals(new ProtocolControl.Abort(6), ProtocolControl.decode(2, bytes("00000006")));
        assertEquals(new ProtocolControl.Acknowledgement(0xfffffffeL), ProtocolControl.decode(3, bytes("fffffffe")));
        assertEquals(new ProtocolControl.WindowAckSize(5_000_000), ProtocolControl.decode(5, bytes("004c4b40")));
        assertEquals(new ProtocolControl.SetPeerBandwidth(5_000_000, 1), ProtocolControl.decode(6, bytes("004c4b40 01")));
        assertThrows(IllegalArgumentException.class, () -> ProtocolControl.decode(6, bytes("004c4b40")));
    }

    @Test
    void userControlEvents() {
        assertEquals(of(bytes("0000 00000001")), of(new UserControl.StreamBegin(1).toMessage().payload()));
        assertEquals(of(bytes("0001 00000001")), of(new UserControl.StreamEof(1).toMessage().payload()));
        assertEquals(of(bytes("0007 00001234")), of(new UserControl.PingResponse(0x1234).toMessage().payload()));
        assertEquals(new UserControl.PingRequest(0x1234), UserControl.decode(bytes("0006 00001234")));
        assertEquals(new UserControl.SetBufferLength(1, 3000), UserControl.decode(bytes("0003 00000001 00000bb8")));
        assertEquals(new UserControl.Other(31, bytes("00000001")), UserControl.decode(bytes("001f 00000001")));
        assertThrows(IllegalArgumentException.class, () -> UserControl.decode(bytes("0003 00000001")));
        assertEquals(4, new UserControl.StreamBegin(1).toMessage().typeId());
    }
}
