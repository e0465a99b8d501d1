package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;
import org.junit.jupiter.api.Test;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.Hex.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every reply the server sends, as golden AMF0 bytes (RTMP specification 7.2). */
class CommandRepliesTest {

    private static String body(Command c) {
        RtmpMessage m = c.toMessage(MessageTypes.CSID_COMMAND, 0);
        assertEquals(MessageTypes.COMMAND_AMF0, m.typeId());
        return of(m.payload());
    }

    @Test
    void connectResult() {
        assertEquals(of(bytes("""
                02 0007 5f726573756c74                                  // "_result"
                00 3ff0000000000000                                     // transaction id 1
                03                                                      // properties
                   0006 666d73566572 02 000d 464d532f332c302c312c313233 //   fmsVer: "FMS/3,0,1,123"
                   000c 6361706162696c6974696573 00 403f000000000000    //   capabilities: 31
                   0004 6d6f6465 00 3ff0000000000000                    //   mode: 1
                   0000 09
                03                                                      // information
                   0005 6c6576656c 02 0006 737461747573                 //   level: "status"
                   0004 636f6465 02 001d 4e6574436f6e6e656374696f6e2e436f6e6e6563742e53756363657373
                                                                        //   code: "NetConnection.Connect.Success"
                   000b 6465736372697074696f6e 02 0015 436f6e6e656374696f6e207375636365656465642e
                                                                        //   description: "Connection succeeded."
                   000e 6f626a656374456e636f64696e67 00 4008000000000000 // objectEncoding: 3, echoed
                   0000 09
                """)), body(CommandReplies.connectResult(1, 3)));
    }

    @Test
    void createStreamResult() {
        assertEquals(of(bytes("""
                02 0007 5f726573756c74   // "_result"
                00 4010000000000000      // transaction id 4
                05                       // command object: null
                00 3ff0000000000000      // stream id 1
                """)), body(CommandReplies.createStreamResult(4, 1)));
    }

    @Test
    void publishStart() {
        assertEquals(of(bytes("""
                02 0008 6f6e537461747573   // "onStatus"
                00 0000000000000000        // transaction id 0
                05                         // null
                03
                   0005 6c6576656c 02 0006 737461747573   // level: "status"
                   0004 636f6465 02 0017 4e657453747265616d2e5075626c6973682e5374617274 // code: NetStream.Publish.Start
                   000b 6465736372697074696f6e 02 001b 6c6976652f74657374206973206e6f77207075626c69736865642e
                                                          // description: "live/test is now published."
                   0000 09
                """)), body(CommandReplies.publishStart("live/test")));
    }

    @Test
    void publishBadName() {
        assertEquals(of(bytes("""
                02 0008 6f6e537461747573 00 0000000000000000 05
                03
                   0005 6c6576656c 02 0005 6572726f72     // level: "error"
                   0004 636f6465 02 0019 4e657453747265616d2e5075626c6973682e4261644e616d65 // NetStream.Publish.BadName
                   000b 6465736372697074696f6e 02 0024 6c6976652f7465737420697320616c7265616479206265696e67207075626c6973686564
                                                          // "live/test is already being published"
                   0000 09
                """)), body(CommandReplies.publishBadName("live/test", "is already being published")));
    }

    @Test
    void playResetAndStart() {
        assertEquals(of(bytes("""
                02 0008 6f6e537461747573 00 0000000000000000 05
                03
                   0005 6c6576656c 02 0006 737461747573
                   0004 636f6465 02 0014 4e657453747265616d2e506c61792e5265736574     // NetStream.Play.Reset
                   000b 6465736372697074696f6e 02 0020 506c6179696e6720616e6420726573657474696e67206c6976652f746573742e
                   0000 09
                """)), body(CommandReplies.playReset("live/test")));
        assertEquals(of(bytes("""
                02 0008 6f6e537461747573 00 0000000000000000 05
                03
                   0005 6c6576656c 02 0006 737461747573
                   0004 636f6465 02 0014 4e657453747265616d2e506c61792e5374617274     // NetStream.Play.Start
                   000b 6465736372697074696f6e 02 001a 5374617274656420706c6179696e67206c6976652f746573742e
                   0000 09
                """)), body(CommandReplies.playStart("live/test")));
    }

    @Test
    void unknownCommandError() {
        assertEquals(of(bytes("""
                02 0006 5f6572726f72      // "_error"
                00 4014000000000000       // transaction id 5, as the client's
                05
                03
                   0005 6c6576656c 02 0005 6572726f72
                   0004 636f6465 02 0019 4e6574436f6e6e656374696f6e2e43616c6c2e4661696c6564 // NetConnection.Call.Failed
                   000b 6465736372697074696f6e 02 0017 4d6574686f64206e6f7420666f756e642028666f6f292e
                                                                           // "Method not found (foo)."
                   0000 09
                """)), body(CommandReplies.unknownCommand(5, "foo")));
    }

    @Test
    void onFCPublish() {
        assertEquals(of(bytes("""
                02 000b 6f6e46435075626c697368 00 0000000000000000 05   // "onFCPublish", 0, null
                03
                   0004 636f6465 02 0017 4e657453747265616d2e5075626c6973682e5374617274
                   000b 6465736372697074696f6e 02 0004 74657374          // description: "test"
                   0000 09
                """)), body(CommandReplies.onFCPublish("test")));
    }

    @Test
    void sampleAccessData() {
        assertEquals(of(bytes("02 0011 7c52746d7053616d706c65416363657373 01 01 01 01")), of(DataMessages.sampleAccess()));
    }
}
