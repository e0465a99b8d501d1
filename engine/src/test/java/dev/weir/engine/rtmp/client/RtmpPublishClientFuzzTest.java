package dev.weir.engine.rtmp.client;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A hostile or broken server answering the relays' RTMP client: after a valid S0S1S2, any bytes as the chunk
 * stream. The only allowed failure is {@link IOException} (which the relay turns into a retry); anything else,
 * or a hang, is a finding.
 */
class RtmpPublishClientFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void serverAnswers(byte[] data) throws Exception {
        byte[] handshake = RtmpPublishClientTest.server(java.util.List.of(), 0);
        byte[] all = new byte[handshake.length + data.length];
        System.arraycopy(handshake, 0, all, 0, handshake.length);
        System.arraycopy(data, 0, all, handshake.length, data.length);
        try {
            RtmpPublishClient.setUpOver(RtmpPublishClientTest.TARGET, new ByteArrayInputStream(all), new ByteArrayOutputStream());
        } catch (IOException expected) {
            // refused, malformed or cut short: the relay retries later
        }
    }
}
