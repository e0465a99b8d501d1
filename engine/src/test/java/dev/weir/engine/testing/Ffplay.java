package dev.weir.engine.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts ffplay headless (no window, SDL's dummy audio driver), as a player that decodes and presents in real time. */
public final class Ffplay {
    private Ffplay() {}

    /** Plays {@code url} until it ends ({@code -autoexit}). */
    public static PeerProcess play(Path workDir, String label, String url) {
        return PeerProcess.start(workDir, label, List.of("ffplay", "-hide_banner", "-nodisp", "-autoexit",
                "-loglevel", "info", url), Map.of("SDL_AUDIODRIVER", "dummy"));
    }
}
