package dev.weir.engine.hub;

/** A publisher's handle: sends go to its stream while it is the stream's publication; close unpublishes once. */
final class HubPublication implements Publication {
    private final HubStream stream;

    HubPublication(HubStream stream) {
        this.stream = stream;
    }

    @Override
    public StreamKey key() {
        return stream.key();
    }

    @Override
    public void send(MediaMessage message) {
        stream.send(this, message);
    }

    @Override
    public void close() {
        stream.unpublish(this);
    }
}
