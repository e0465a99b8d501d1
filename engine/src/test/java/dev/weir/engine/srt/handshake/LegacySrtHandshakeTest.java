package dev.weir.engine.srt.handshake;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import org.junit.jupiter.api.Test;

/** HSv4's post-handshake HSREQ/HSRSP, laid out as libsrt's fillSrtHandshake_HSREQ/HSRSP write them for HSv4. */
class LegacySrtHandshakeTest {

    @Test
    void answersAnHsv4SendersHsreqWithTheLargerLatencyInTheLegacyField() throws Exception {
        byte[] hsreq = hex("""
                ffff0001  # control, type 0x7fff UMSG_EXT, subtype 1 = SRT_CMD_HSREQ
                00000000  # type-specific
                00001000  # timestamp
                00000abc  # destination: our socket
                00010203  # SRT version 1.2.3
                00000031  # flags TSBPDSND | PERIODICNAK | REXMITFLG
                000000c8  # HSv4: latency 200 ms in the low 16 bits only (SRT_HS_LATENCY_LEG)
                """);
        UserDefinedPacket request = (UserDefinedPacket) PacketCodec.decode(hsreq, 0, hsreq.length);
        LegacySrtHandshake.Answer answer = LegacySrtHandshake.answerHsReq(request, HandshakeConfig.defaults(),
                0x4444, 0x2000);
        assertEquals(200, answer.receiveLatencyMs());
        assertEquals(0x010203, answer.peerSrtVersion());
        assertArrayEquals(hex("""
                ffff0002  # UMSG_EXT subtype 2 = SRT_CMD_HSRSP
                00000000
                00002000  # timestamp
                00004444  # destination: the peer's socket
                00010501  # our SRT version 1.5.1
                0000003a  # TSBPDRCV | TLPKTDROP | PERIODICNAK | REXMITFLG (echoed because the peer has it)
                000000c8  # 200 ms, legacy field
                """), answer.hsrsp().toBytes());
    }

    @Test
    void keepsOwnLatencyWhenTheSenderHasNoTsbpdAndRefusesOtherSubtypes() throws Exception {
        UserDefinedPacket noTsbpd = new UserDefinedPacket(UserDefinedPacket.SUBTYPE_HSREQ, 0,
                hex("00010203 00000000 000003e8"), 0, 1);
        assertEquals(120, LegacySrtHandshake.answerHsReq(noTsbpd, HandshakeConfig.defaults(), 1, 0)
                .receiveLatencyMs());
        UserDefinedPacket km = new UserDefinedPacket(UserDefinedPacket.SUBTYPE_KMREQ, 0, new byte[12], 0, 1);
        assertThrows(MalformedPacketException.class,
                () -> LegacySrtHandshake.answerHsReq(km, HandshakeConfig.defaults(), 1, 0));
        UserDefinedPacket shortBody = new UserDefinedPacket(UserDefinedPacket.SUBTYPE_HSREQ, 0, new byte[8], 0, 1);
        assertThrows(MalformedPacketException.class,
                () -> LegacySrtHandshake.answerHsReq(shortBody, HandshakeConfig.defaults(), 1, 0));
    }
}
