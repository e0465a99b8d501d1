package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.amf.AmfUndefined;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commands a server sends back: {@code _result}/{@code _error} replies and {@code onStatus} events, with
 * the fields and codes Flash-era clients, ffmpeg, OBS and VLC look for.
 */
public final class CommandReplies {
    private CommandReplies() {}

    /** What we tell clients we are. FMS/3,0,1,123 is what nginx-rtmp says; some clients parse the version. */
    public static final String FMS_VERSION = "FMS/3,0,1,123";
    /** Capabilities bit field as FMS 3 reports it. */
    public static final double CAPABILITIES = 31;

    public static final String RESULT = "_result";
    public static final String ERROR = "_error";
    public static final String ON_STATUS = "onStatus";

    public static final String LEVEL_STATUS = "status";
    public static final String LEVEL_ERROR = "error";

    public static final String CONNECT_SUCCESS = "NetConnection.Connect.Success";
    public static final String CALL_FAILED = "NetConnection.Call.Failed";
    public static final String PUBLISH_START = "NetStream.Publish.Start";
    public static final String PUBLISH_BAD_NAME = "NetStream.Publish.BadName";
    public static final String UNPUBLISH_SUCCESS = "NetStream.Unpublish.Success";
    public static final String PLAY_RESET = "NetStream.Play.Reset";
    public static final String PLAY_START = "NetStream.Play.Start";
    public static final String PLAY_STOP = "NetStream.Play.Stop";
    public static final String PLAY_STREAM_NOT_FOUND = "NetStream.Play.StreamNotFound";
    public static final String PLAY_PUBLISH_NOTIFY = "NetStream.Play.PublishNotify";
    public static final String PLAY_UNPUBLISH_NOTIFY = "NetStream.Play.UnpublishNotify";

    /** {@code _result} to connect: server properties, then the status, echoing the client's object encoding. */
    public static Command connectResult(double transactionId, double objectEncoding) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fmsVer", FMS_VERSION);
        properties.put("capabilities", CAPABILITIES);
        properties.put("mode", 1.0);
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("level", LEVEL_STATUS);
        information.put("code", CONNECT_SUCCESS);
        information.put("description", "Connection succeeded.");
        information.put("objectEncoding", objectEncoding);
        return Command.of(RESULT, transactionId, properties, information);
    }

    /** {@code _result} to createStream: the new message stream id. */
    public static Command createStreamResult(double transactionId, int streamId) {
        return Command.of(RESULT, transactionId, null, (double) streamId);
    }

    /** A bare {@code _result} (releaseStream, FCPublish, FCUnpublish, ...). */
    public static Command emptyResult(double transactionId) {
        return Command.of(RESULT, transactionId, null, AmfUndefined.INSTANCE);
    }

    /** {@code _error} for a command the server does not know; the connection carries on. */
    public static Command unknownCommand(double transactionId, String commandName) {
        return Command.of(ERROR, transactionId, null,
                status(LEVEL_ERROR, CALL_FAILED, "Method not found (" + commandName + ")."));
    }

    /** {@code onStatus} on a stream: transaction 0, null command object, then the information object. */
    public static Command onStatus(String level, String code, String description) {
        return Command.of(ON_STATUS, 0, null, status(level, code, description));
    }

    /** Publishing started: clients (ffmpeg, OBS) start sending media on this. */
    public static Command publishStart(String key) {
        return onStatus(LEVEL_STATUS, PUBLISH_START, key + " is now published.");
    }

    /** The key already has a publisher (or is not a valid name); the client gives up. */
    public static Command publishBadName(String key, String why) {
        return onStatus(LEVEL_ERROR, PUBLISH_BAD_NAME, key + " " + why);
    }

    /** First of the two statuses a play gets. */
    public static Command playReset(String key) {
        return onStatus(LEVEL_STATUS, PLAY_RESET, "Playing and resetting " + key + ".");
    }

    public static Command playStart(String key) {
        return onStatus(LEVEL_STATUS, PLAY_START, "Started playing " + key + ".");
    }

    /** To players when the publisher leaves (ffmpeg and librtmp end playback on it). */
    public static Command playUnpublishNotify(String key) {
        return onStatus(LEVEL_STATUS, PLAY_UNPUBLISH_NOTIFY, key + " is now unpublished.");
    }

    /** To waiting players when a publisher (re)starts on the key. */
    public static Command playPublishNotify(String key) {
        return onStatus(LEVEL_STATUS, PLAY_PUBLISH_NOTIFY, key + " is now published.");
    }

    /** Sent after FCPublish: OBS and Flash Media Live Encoder wait for it before publishing. */
    public static Command onFCPublish(String streamName) {
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("code", PUBLISH_START);
        information.put("description", streamName);
        return Command.of("onFCPublish", 0, null, information);
    }

    public static Command onFCUnpublish(String streamName) {
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("code", UNPUBLISH_SUCCESS);
        information.put("description", streamName);
        return Command.of("onFCUnpublish", 0, null, information);
    }

    private static Map<String, Object> status(String level, String code, String description) {
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("level", level);
        information.put("code", code);
        information.put("description", description);
        return information;
    }
}
