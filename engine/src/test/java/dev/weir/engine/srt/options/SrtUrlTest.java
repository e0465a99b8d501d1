package dev.weir.engine.srt.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.crypto.Passphrase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Golden parsing and validation of srt:// URLs; expected values are libsrt's documented defaults and limits. */
class SrtUrlTest {

    @Test
    void defaultsAreLibsrtLiveDefaults() {
        SrtUrl url = SrtUrl.parse("srt://127.0.0.1:9000");
        SrtOptions o = url.options();
        assertEquals("127.0.0.1", url.host());
        assertEquals(9000, url.port());
        assertEquals(SrtMode.CALLER, o.mode());
        assertEquals(120, o.receiverLatencyMs());
        assertEquals(120, o.peerLatencyMs());
        assertNull(o.passphrase());
        assertEquals(0, o.keyLength());
        assertEquals(16, o.effectiveKeyLength());
        assertEquals("", o.streamId());
        assertEquals(3000, o.connectTimeoutMs());
        assertEquals(5000, o.peerIdleTimeoutMs());
        assertEquals(25600, o.flowWindowPackets());
        assertEquals(1500, o.mss());
        assertEquals(1316, o.payloadSize());
        assertTrue(o.tooLatePacketDrop());
        assertTrue(o.periodicNak());
        assertEquals(0x1000000, o.effectiveKmRefreshRate());
        assertEquals(0x1000, o.effectiveKmPreAnnounce());
        assertTrue(o.enforcedEncryption());
        assertEquals(0, o.lossMaxTtlPackets());
        assertEquals(-1, o.maxBandwidth());
        assertEquals(0, o.inputBandwidth());
        assertEquals(25, o.overheadPercent());
        assertEquals(0, o.senderDropDelayMs());
        assertEquals(8192 * 1472, o.receiveBufferBytes());
        assertEquals(8192, o.receiveBufferPackets());
    }

    @Test
    void emptyHostMeansListenerAsInSrtLiveTransmit() {
        SrtUrl url = SrtUrl.parse("srt://:4200");
        assertEquals(SrtMode.LISTENER, url.mode());
        assertEquals("", url.host());
        assertEquals(4200, url.port());
    }

    @Test
    void everyHonouredOptionLandsInItsField() {
        SrtUrl url = SrtUrl.parse("srt://example.net:1234/?mode=listener&rcvlatency=300&peerlatency=50"
                + "&passphrase=0123456789abc&pbkeylen=32&streamid=%23!::r=live/cam,m=publish&conntimeo=1500"
                + "&peeridletimeo=2500&fc=64&mss=1360&payloadsize=1316&tlpktdrop=off&nakreport=no"
                + "&kmrefreshrate=1000&kmpreannounce=100&enforcedencryption=0&lossmaxttl=40&maxbw=0"
                + "&inputbw=1000000&mininputbw=5000&oheadbw=50&snddropdelay=-1&sndbuf=1000000&rcvbuf=2000000"
                + "&drifttracer=false&iptos=184&transtype=live&congestion=live&messageapi=1&tsbpdmode=yes");
        SrtOptions o = url.options();
        assertEquals(SrtMode.LISTENER, o.mode());
        assertEquals(300, o.receiverLatencyMs());
        assertEquals(50, o.peerLatencyMs());
        assertEquals(Passphrase.of("0123456789abc"), o.passphrase());
        assertEquals(32, o.keyLength());
        assertEquals("#!::r=live/cam,m=publish", o.streamId());
        assertEquals(1500, o.connectTimeoutMs());
        assertEquals(2500, o.peerIdleTimeoutMs());
        assertEquals(64, o.flowWindowPackets());
        assertEquals(1360, o.mss());
        assertEquals(1316, o.payloadSize());
        assertFalse(o.tooLatePacketDrop());
        assertFalse(o.periodicNak());
        assertEquals(1000, o.effectiveKmRefreshRate());
        assertEquals(100, o.effectiveKmPreAnnounce());
        assertFalse(o.enforcedEncryption());
        assertEquals(40, o.lossMaxTtlPackets());
        assertEquals(0, o.maxBandwidth());
        assertEquals(1_000_000, o.inputBandwidth());
        assertEquals(5000, o.minInputBandwidth());
        assertEquals(50, o.overheadPercent());
        assertEquals(-1, o.senderDropDelayMs());
        assertEquals(1_000_000, o.sendBufferBytes());
        assertEquals(2_000_000, o.receiveBufferBytes());
        assertFalse(o.driftTracer());
        assertEquals(184, o.ipTos());
    }

    @Test
    void latencySetsBothButSpecificOnesWinWhateverTheOrder() {
        SrtOptions o = SrtUrl.parse("srt://h:1?rcvlatency=80&latency=500").options();
        assertEquals(80, o.receiverLatencyMs());
        assertEquals(500, o.peerLatencyMs());
    }

    @Test
    void refreshRateAloneSetsPreAnnounceToHalfAsLibsrtDoes() {
        SrtOptions o = SrtUrl.parse("srt://h:1?kmrefreshrate=2000").options();
        assertEquals(2000, o.effectiveKmRefreshRate());
        assertEquals(999, o.effectiveKmPreAnnounce());
    }

    @Test
    void ipv6LiteralAndModeAliases() {
        SrtUrl url = SrtUrl.parse("srt://[::1]:5000?mode=server");
        assertEquals("::1", url.host());
        assertEquals(SrtMode.LISTENER, url.mode());
        assertEquals(SrtMode.CALLER, SrtUrl.parse("srt://:5000?mode=client").mode());
    }

    @Test
    void plusInPassphraseIsKeptLiterally() {
        assertEquals(Passphrase.of("abc+def+ghij"), SrtUrl.parse("srt://h:1?passphrase=abc+def+ghij").options()
                .passphrase());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "srt://h:1?bogus=1                    | bogus         | is unknown",
            "srt://h:1?latency=1&latency=2        | latency       | is given twice",
            "srt://h:1?mode=rendezvous            | mode          | 'rendezvous' is not supported",
            "srt://h:1?mode=sideways              | mode          | must be caller, listener or rendezvous",
            "srt://h:1?transtype=file             | transtype     | Weir implements live mode only",
            "srt://h:1?congestion=file            | congestion    | Weir implements live mode only",
            "srt://h:1?messageapi=0               | messageapi    | stream API",
            "srt://h:1?tsbpdmode=false            | tsbpdmode     | always delivers by timestamp",
            "srt://h:1?packetfilter=fec           | packetfilter  | not supported",
            "srt://h:1?ipv6only=1                 | ipv6only      | not supported",
            "srt://h:1?ipttl=10                   | ipttl         | cannot be set",
            "srt://h:1?passphrase=short           | passphrase    | 10 to 80 characters long, got 5",
            "srt://h:1?pbkeylen=20                | pbkeylen      | must be 0, 16, 24 or 32",
            "srt://h:1?fc=31                      | fc            | at least 32 packets",
            "srt://h:1?mss=75                     | mss           | must be 76..1500",
            "srt://h:1?payloadsize=1457           | payloadsize   | must be 1..1456",
            "srt://h:1?mss=1000&payloadsize=1316  | payloadsize   | does not fit mss 1000",
            "srt://h:1?oheadbw=4                  | oheadbw       | must be 5..100",
            "srt://h:1?maxbw=-2                   | maxbw         | must be -1",
            "srt://h:1?snddropdelay=-2            | snddropdelay  | must be -1",
            "srt://h:1?latency=-1                 | latency       | must not be negative",
            "srt://h:1?latency=abc                | latency       | must be a whole number",
            "srt://h:1?tlpktdrop=maybe            | tlpktdrop     | must be true/false",
            "srt://h:1?kmrefreshrate=100&kmpreannounce=50 | kmpreannounce | exceeds half the key refresh rate",
            "srt://h:1?iptos=256                  | iptos         | must be 0..255",
            "srt://h                              | url           | has no port",
            "srt://h:0                            | url           | port must be 1..65535",
            "srt://h:x                            | url           | is not a number",
            "udp://h:1                            | url           | must start with srt://",
            "srt://h:1/live                       | url           | has a path",
    })
    void refusalsNameTheOptionAndSayWhy(String url, String option, String reason) {
        SrtOptionException e = assertThrows(SrtOptionException.class, () -> SrtUrl.parse(url));
        assertEquals(option, e.option());
        assertTrue(e.getMessage().contains(reason), () -> "message was: " + e.getMessage());
    }

    @Test
    void streamIdLimitIs512Bytes() {
        String ok = "a".repeat(512);
        assertEquals(ok, SrtUrl.parse("srt://h:1?streamid=" + ok).options().streamId());
        SrtOptionException e = assertThrows(SrtOptionException.class,
                () -> SrtUrl.parse("srt://h:1?streamid=" + ok + "b"));
        assertEquals("streamid", e.option());
    }

    @Test
    void passphraseNeverShowsInToString() {
        SrtOptions o = SrtUrl.parse("srt://h:1?passphrase=supersecret123").options();
        assertFalse(o.toString().contains("supersecret123"));
        assertFalse(o.passphrase().toString().contains("supersecret123"));
        assertTrue(o.toString().contains("encrypted=true"));
    }

    @Test
    void optionTableListsTheSeedClientKeys() {
        for (String key : new String[] {"mode", "congestion", "conntimeo", "drifttracer", "enforcedencryption", "fc",
                "inputbw", "iptos", "ipttl", "ipv6only", "kmpreannounce", "kmrefreshrate", "latency", "lossmaxttl",
                "maxbw", "mininputbw", "messageapi", "mss", "nakreport", "oheadbw", "packetfilter", "passphrase",
                "payloadsize", "pbkeylen", "peeridletimeo", "peerlatency", "rcvbuf", "rcvlatency", "sndbuf",
                "snddropdelay", "streamid", "tlpktdrop", "transtype", "tsbpdmode"}) {
            assertTrue(SrtOptionTable.names().contains(key), key);
        }
    }
}
