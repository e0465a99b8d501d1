package dev.weir.engine.rtmp.message;

/** RTMP message type ids (RTMP specification 5.4, 6.1, 7.1) and the chunk streams Weir sends them on. */
public final class MessageTypes {
    private MessageTypes() {}

    public static final int SET_CHUNK_SIZE = 1;
    public static final int ABORT = 2;
    public static final int ACKNOWLEDGEMENT = 3;
    public static final int USER_CONTROL = 4;
    public static final int WINDOW_ACK_SIZE = 5;
    public static final int SET_PEER_BANDWIDTH = 6;
    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int DATA_AMF3 = 15;
    public static final int SHARED_OBJECT_AMF3 = 16;
    public static final int COMMAND_AMF3 = 17;
    public static final int DATA_AMF0 = 18;
    public static final int SHARED_OBJECT_AMF0 = 19;
    public static final int COMMAND_AMF0 = 20;
    public static final int AGGREGATE = 22;

    /** Protocol control and user control messages go on chunk stream 2 (spec 5.4). */
    public static final int CSID_CONTROL = 2;
    /** Commands and their replies. */
    public static final int CSID_COMMAND = 3;
    /** Data messages (metadata) and status sent on a media stream; nginx-rtmp uses 5 as well. */
    public static final int CSID_DATA = 5;
    public static final int CSID_AUDIO = 6;
    public static final int CSID_VIDEO = 7;
}
