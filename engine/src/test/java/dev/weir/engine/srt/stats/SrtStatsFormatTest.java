package dev.weir.engine.srt.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden output of the stats printer. The expected key order and names are copied by hand from srt-live-transmit
 * 1.5.1's statswriter table (apps/statswriter.cpp: categories window/link/send/recv); values are made up.
 */
class SrtStatsFormatTest {

    private static SrtStats sample() {
        SrtStats.Totals totals = new SrtStats.Totals(1100, 1000, 2000, 1990, 7, 9, 100, 8, 1, 2, 0, 3, 50, 51, 4, 5,
                1_450_000, 1_316_000, 2_700_000, 2_600_000, 11_844, 131_600, 1316, 2632, 0);
        SrtStats.Interval interval = new SrtStats.Interval(1000, 110, 100, 200, 199, 1, 2, 10, 3, 0, 1, 0, 1, 5,
                6, 1, 2, 145_000, 131_600, 0, 270_000, 261_884, 2632, 1316, 1.5, 2.25);
        SrtStats.Instant instant = new SrtStats.Instant(11.5, 8192, 8192, 12, 20.125, 2.5, 93.4567891, 1000, 1500,
                12, 15792, 40, 120, 10_000_000, 30, 39480, 118, 120, 9_000_000, 0);
        return new SrtStats(12345, totals, interval, instant, SrtStats.KeyMaterialStatus.CLEAR);
    }

    @Test
    void jsonHasSrtLiveTransmitsKeysAndNesting() {
        assertEquals("{\"sid\":571450123,\"timepoint\":\"2026-11-21T05:00:00.000000+0000\",\"time\":12345,"
                        + "\"window\":{\"flow\":8192,\"congestion\":8192,\"flight\":12},"
                        + "\"link\":{\"rtt\":20.125,\"bandwidth\":93.4568,\"maxBandwidth\":1000},"
                        + "\"send\":{\"packets\":110,\"packetsUnique\":100,\"packetsLost\":1,\"packetsDropped\":0,"
                        + "\"packetsRetransmitted\":10,\"packetsFilterExtra\":0,\"bytes\":145000,"
                        + "\"bytesUnique\":131600,\"bytesDropped\":0,\"byteAvailBuf\":10000000,\"msBuf\":40,"
                        + "\"mbitRate\":1.5,\"sendPeriod\":11.5},"
                        + "\"recv\":{\"packets\":200,\"packetsUnique\":199,\"packetsLost\":2,\"packetsDropped\":1,"
                        + "\"packetsRetransmitted\":3,\"packetsBelated\":1,\"packetsFilterExtra\":0,"
                        + "\"packetsFilterSupply\":0,\"packetsFilterLoss\":0,\"bytes\":270000,"
                        + "\"bytesUnique\":261884,\"bytesLost\":2632,\"bytesDropped\":1316,"
                        + "\"byteAvailBuf\":9000000,\"msBuf\":118,\"mbitRate\":2.25,\"msTsbPdDelay\":120}}",
                SrtStatsFormat.JSON.format(571450123, "2026-11-21T05:00:00.000000+0000", sample()));
    }

    @Test
    void csvHeaderAndRowMatchSrtLiveTransmitsColumns() {
        String header = SrtStatsFormat.CSV.header();
        assertEquals("Timepoint,Time,SocketID,Time,pktFlowWindow,pktCongestionWindow,pktFlightSize,msRTT,"
                + "mbpsBandwidth,mbpsMaxBW,pktSent,pktSentUnique,pktSndLoss,pktSndDrop,pktRetrans,pktSndFilterExtra,"
                + "byteSent,byteSentUnique,byteSndDrop,byteAvailSndBuf,msSndBuf,mbpsSendRate,usPktSndPeriod,pktRecv,"
                + "pktRecvUnique,pktRcvLoss,pktRcvDrop,pktRcvRetrans,pktRcvBelated,pktRcvFilterExtra,"
                + "pktRcvFilterSupply,pktRcvFilterLoss,byteRecv,byteRecvUnique,byteRcvLoss,byteRcvDrop,"
                + "byteAvailRcvBuf,msRcvBuf,mbpsRecvRate,msRcvTsbPdDelay", header);
        String row = SrtStatsFormat.CSV.format(7, "T", sample());
        assertEquals(header.split(",").length, row.split(",").length);
        assertEquals(List.of("T", "12345", "7", "12345", "8192"), List.of(row.split(",")).subList(0, 5));
    }

    @Test
    void numbersPrintLikeCppStreams() {
        assertEquals("0", SrtStatsFormat.number(0.0));
        assertEquals("1.5", SrtStatsFormat.number(1.5));
        assertEquals("93.4568", SrtStatsFormat.number(93.4567891));
        assertEquals("0.00123", SrtStatsFormat.number(0.00123));
        assertEquals("42", SrtStatsFormat.number(42L));
    }
}
