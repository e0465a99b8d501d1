package dev.weir.ui.caller;

import dev.weir.engine.probe.FlvClip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled test clip ({@code testclip/test-clip.flv}, see its README); read on first use, then kept. */
public final class TestClip {
    private static volatile FlvClip clip;

    private TestClip() {}

    public static FlvClip get() {
        FlvClip c = clip;
        if (c != null) return c;
        try (InputStream in = TestClip.class.getResourceAsStream("/dev/weir/ui/testclip/test-clip.flv")) {
            if (in == null) throw new IOException("test-clip.flv is not on the class path");
            c = FlvClip.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled test clip: " + e.getMessage(), e);
        }
        clip = c;
        return c;
    }
}
