package dev.weir.engine.rtmp.client;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.hub.TrackProbe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * A hostile or broken server answering the built-in caller's RTMP player: after a valid S0S1S2, any bytes as the
 * chunk stream, through connect, play and the media that follows (each media message also named by the caller's
 * {@link TrackProbe}). The only allowed failure is {@link IOException} (the caller shows it); anything else, or a
 * hang, is a finding.
 */
class RtmpPlayClientFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void serverAnswers(byte[] data) throws Exception {
        RtmpPlayClientTest.Script script = new RtmpPlayClientTest.Script();
        script.bytes.write(data);
        TrackProbe tracks = new TrackProbe();
        try {
            RtmpPlayClient client = RtmpPlayClient.setUpOver(RtmpPlayClientTest.TARGET, script.in(), new ByteArrayOutputStream());
            client.play(Duration.ofSeconds(1));
            while (true) {
                if (client.next() instanceof RtmpPlayClient.Incoming.Media(var m)) tracks.accept(m);
                tracks.video();
                tracks.audio();
            }
        } catch (IOException expected) {
            // refused, malformed or cut short: the caller says so
        }
    }
}
