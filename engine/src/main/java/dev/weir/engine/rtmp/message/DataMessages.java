package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.amf.Amf0Decoder;
import dev.weir.engine.rtmp.amf.Amf0Encoder;
import dev.weir.engine.rtmp.amf.AmfException;

import java.util.Arrays;

/** Data messages (type 18, AMF0): the metadata a publisher sends, and what the server sends players. */
public final class DataMessages {
    private DataMessages() {}

    public static final String SET_DATA_FRAME = "@setDataFrame";
    public static final String ON_META_DATA = "onMetaData";

    /**
     * The body to forward for a publisher's data message: {@code @setDataFrame, "onMetaData", {...}} loses its
     * first value (it is an instruction to the server, players must not see it) and becomes
     * {@code "onMetaData", {...}}; anything else passes unchanged.
     */
    public static byte[] stripSetDataFrame(byte[] body) throws MalformedMessageException {
        try {
            Amf0Decoder decoder = new Amf0Decoder(body);
            if (SET_DATA_FRAME.equals(decoder.read())) {
                return Arrays.copyOfRange(body, decoder.position(), body.length);
            }
            return body;
        } catch (AmfException e) {
            throw new MalformedMessageException("data message is not valid AMF0: " + e.getMessage(), e);
        }
    }

    /** The name a data message starts with (such as {@code onMetaData}), or {@code null}. */
    public static String name(byte[] body) {
        try {
            return new Amf0Decoder(body).read() instanceof String s ? s : null;
        } catch (AmfException e) {
            return null;
        }
    }

    /** {@code |RtmpSampleAccess(true, true)}: lets Flash-based players read the stream's audio and video. */
    public static byte[] sampleAccess() {
        return new Amf0Encoder().writeAll("|RtmpSampleAccess", true, true).toByteArray();
    }
}
