package dev.weir.engine.srt.stats;

/**
 * The running totals of one SRT connection, with libsrt's names (without the {@code Total} suffix). Mutable and
 * not thread-safe: the connection's protocol core increments them while holding its own lock, and
 * {@link SrtStatsTracker} copies them into immutable {@link SrtStats} under the same lock.
 */
public final class SrtCounters {
    // Sender
    public long pktSent;
    public long byteSent;
    public long pktSentUnique;
    public long byteSentUnique;
    public long pktSndLoss;
    public long pktRetrans;
    public long byteRetrans;
    public long pktSndDrop;
    public long byteSndDrop;
    public long pktRecvAck;
    public long pktRecvNak;
    // Receiver
    public long pktRecv;
    public long byteRecv;
    public long pktRecvUnique;
    public long byteRecvUnique;
    public long pktRcvLoss;
    public long byteRcvLoss;
    public long pktRcvRetrans;
    public long pktRcvDrop;
    public long byteRcvDrop;
    public long pktRcvUndecrypt;
    public long byteRcvUndecrypt;
    public long pktRcvBelated;
    public long pktSentAck;
    public long pktSentNak;

    /** A copy, for computing interval differences. */
    public SrtCounters copy() {
        SrtCounters c = new SrtCounters();
        c.pktSent = pktSent;
        c.byteSent = byteSent;
        c.pktSentUnique = pktSentUnique;
        c.byteSentUnique = byteSentUnique;
        c.pktSndLoss = pktSndLoss;
        c.pktRetrans = pktRetrans;
        c.byteRetrans = byteRetrans;
        c.pktSndDrop = pktSndDrop;
        c.byteSndDrop = byteSndDrop;
        c.pktRecvAck = pktRecvAck;
        c.pktRecvNak = pktRecvNak;
        c.pktRecv = pktRecv;
        c.byteRecv = byteRecv;
        c.pktRecvUnique = pktRecvUnique;
        c.byteRecvUnique = byteRecvUnique;
        c.pktRcvLoss = pktRcvLoss;
        c.byteRcvLoss = byteRcvLoss;
        c.pktRcvRetrans = pktRcvRetrans;
        c.pktRcvDrop = pktRcvDrop;
        c.byteRcvDrop = byteRcvDrop;
        c.pktRcvUndecrypt = pktRcvUndecrypt;
        c.byteRcvUndecrypt = byteRcvUndecrypt;
        c.pktRcvBelated = pktRcvBelated;
        c.pktSentAck = pktSentAck;
        c.pktSentNak = pktSentNak;
        return c;
    }
}
