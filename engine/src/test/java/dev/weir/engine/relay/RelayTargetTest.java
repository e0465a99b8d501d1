package dev.weir.engine.relay;

import dev.weir.engine.config.RelaySettings.Destination;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.rtmp.client.RtmpTarget;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayTargetTest {
    private static final StreamKey KEY = new StreamKey("live", "test");

    private static RtmpTarget rtmp(String url) {
        return ((RelayTarget.Rtmp) RelayTarget.resolve(Destination.parse(url), KEY)).target();
    }

    @Test
    void anRtmpUrlWithAFullPathPublishesThatName() {
        RtmpTarget t = rtmp("rtmp://ingest.example.com/app/other?token=s3cret");
        assertEquals("ingest.example.com", t.host());
        assertEquals(1935, t.port());
        assertEquals("app", t.app());
        assertEquals("other?token=s3cret", t.streamName());
        assertEquals("rtmp://ingest.example.com:1935/app", t.tcUrl());
        assertEquals("rtmp://ingest.example.com:1935/app/other?***", t.toString());
    }

    @Test
    void aPathEndingWithASlashOrWithoutANameTakesTheStreamName() {
        assertEquals("test", rtmp("rtmp://h:1940/backup/").streamName());
        assertEquals("backup", rtmp("rtmp://h:1940/backup/").app());
        assertEquals("test", rtmp("rtmp://h/backup").streamName());
        assertEquals("sub/test", rtmp("rtmp://h/backup/sub/").streamName());
        RtmpTarget none = rtmp("rtmp://h");
        assertEquals("live", none.app());
        assertEquals("test", none.streamName());
        assertEquals("test?key=v", rtmp("rtmp://h/live/?key=v").streamName());
    }

    @Test
    void rtmpsDefaultsTo443AndVerifiesUnlessTlsVerifyIsOff() {
        RtmpTarget t = rtmp("rtmps://h/live/x");
        assertEquals(443, t.port());
        assertTrue(t.tls() && t.verifyTls());
        RtmpTarget off = rtmp("rtmps://[::1]:1936/live/x?tls_verify=0&token=a");
        assertFalse(off.verifyTls());
        assertEquals("::1", off.host());
        assertEquals("x?token=a", off.streamName(), "tls_verify is ours, not sent");
        assertEquals("rtmps://[::1]:1936/live", off.tcUrl());
        assertEquals(Protocol.RTMPS, RelayTarget.resolve(Destination.parse("rtmps://h/live/x"), KEY).protocol());
    }

    @Test
    void anSrtUrlGetsThePublishStreamIdAndIsShownWithoutItsSecrets() {
        RelayTarget.Srt t = (RelayTarget.Srt) RelayTarget.resolve(
                Destination.parse("srt://10.0.0.5:10080?passphrase=very-secret-pass&latency=200"), KEY);
        assertEquals("publish:live/test", t.url().options().streamId());
        assertEquals(dev.weir.engine.srt.crypto.Passphrase.of("very-secret-pass"), t.url().options().passphrase());
        assertEquals("srt://10.0.0.5:10080?passphrase=***&latency=200&streamid=publish:live/test", t.redacted());

        RelayTarget.Srt given = (RelayTarget.Srt) RelayTarget.resolve(
                Destination.parse("srt://h:9000?streamid=publish:other/key?token=abc"), KEY);
        assertEquals("publish:other/key?token=abc", given.url().options().streamId());
        assertEquals("srt://h:9000?streamid=publish:other/key?***", given.redacted());
        assertFalse(given.redacted().contains("abc"));
    }

    @Test
    void unusableUrlsAreRefusedWithoutEchoingTheirQuery() {
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class,
                () -> RelayTarget.resolve(Destination.parse("srt://h?passphrase=secret-secret"), KEY));
        assertFalse(noPort.getMessage().contains("secret"), noPort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RelayTarget.resolve(Destination.parse("srt://h:1/path"), KEY));
        assertThrows(IllegalArgumentException.class, () -> RelayTarget.resolve(Destination.parse("rtmp://h:99999/live"), KEY));
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class, () -> Destination.parse("http://h/live?token=zzz"));
        assertFalse(scheme.getMessage().contains("zzz"));
    }

    @Test
    void destinationsParseFromTheFlag() {
        Destination all = Destination.parse("rtmp://h/live/");
        assertNull(all.stream());
        assertTrue(all.matches("any/thing"));
        Destination one = Destination.parse("live/test=rtmp://h/live/x?token=a=b");
        assertEquals("live/test", one.stream());
        assertEquals("rtmp://h/live/x?token=a=b", one.url());
        assertTrue(one.matches("live/test"));
        assertFalse(one.matches("live/other"));
        assertEquals("Destination[live/test -> rtmp://h/live/x]", one.toString());
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("justtext"));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("nokey=rtmp://h/x"));
    }
}
