package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.amf.Amf0Decoder;
import dev.weir.engine.rtmp.amf.Amf0Encoder;
import dev.weir.engine.rtmp.amf.AmfException;
import dev.weir.engine.rtmp.chunk.RtmpMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A command message (RTMP specification 7.1.1, 7.2): name, transaction id, command object, then arguments.
 * Read from AMF0 commands (type 20) and AMF3 commands (type 17: one format byte, then AMF0 values that may
 * switch to AMF3 with marker 0x11); always written as AMF0 (type 20), which every client accepts.
 *
 * @param name          e.g. {@code connect}, {@code publish}, {@code _result}
 * @param transactionId 0 for commands that expect no reply
 * @param commandObject usually an object or {@code null}
 * @param arguments     the optional values after the command object
 */
public record Command(String name, double transactionId, Object commandObject, List<Object> arguments) {

    public Command {
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments)); // allows null items, unlike List.copyOf
    }

    public static Command of(String name, double transactionId, Object commandObject, Object... arguments) {
        List<Object> args = new ArrayList<>(arguments.length);
        Collections.addAll(args, arguments);
        return new Command(name, transactionId, commandObject, args);
    }

    /** Argument {@code i} (0 is the first after the command object), or {@code null} when absent. */
    public Object argument(int i) {
        return i < arguments.size() ? arguments.get(i) : null;
    }

    /** Argument {@code i} when it is a string, else {@code null}. */
    public String stringArgument(int i) {
        return argument(i) instanceof String s ? s : null;
    }

    /** A property of the command object, when it is an object. */
    public Object property(String key) {
        return commandObject instanceof Map<?, ?> m ? m.get(key) : null;
    }

    public static Command decode(RtmpMessage message) throws MalformedMessageException {
        int offset = message.typeId() == MessageTypes.COMMAND_AMF3 ? 1 : 0; // AMF3 commands start with a format byte
        byte[] body = message.payload();
        if (body.length <= offset) {
            throw new MalformedMessageException("empty command message");
        }
        try {
            Amf0Decoder decoder = new Amf0Decoder(body, offset, body.length - offset);
            if (!(decoder.read() instanceof String name)) {
                throw new MalformedMessageException("command message does not start with a name string");
            }
            double transactionId = decoder.hasRemaining() && decoder.read() instanceof Number n ? n.doubleValue() : 0;
            Object commandObject = decoder.hasRemaining() ? decoder.read() : null;
            return new Command(name, transactionId, commandObject, decoder.readAll());
        } catch (AmfException e) {
            throw new MalformedMessageException("command message is not valid AMF: " + e.getMessage(), e);
        }
    }

    /** This command as an AMF0 command message on the given chunk stream and message stream. */
    public RtmpMessage toMessage(int chunkStreamId, int streamId) {
        Amf0Encoder encoder = new Amf0Encoder().write(name).write(transactionId).write(commandObject);
        for (Object argument : arguments) {
            encoder.write(argument);
        }
        return new RtmpMessage(chunkStreamId, MessageTypes.COMMAND_AMF0, streamId, 0, encoder.toByteArray());
    }
}
