package dev.weir.ui.caller;

import dev.weir.engine.probe.TestCaller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The caller form refuses what it cannot call before anything is sent, in operator words. */
class CallerViewModelTest {
    private final List<Runnable> background = new ArrayList<>();
    private final CallerViewModel vm = new CallerViewModel(TestClip::get, background::add, Runnable::run);

    @Test
    void aUrlItCannotUseIsExplainedAtOnce() {
        vm.urlProperty().set("http://example.com/live");
        vm.start();
        assertEquals(TestCaller.State.FAILED, vm.stateProperty().get());
        assertEquals("The URL must start with srt://, rtmp:// or rtmps://", vm.outcomeProperty().get());
        assertTrue(background.isEmpty(), "nothing was started");
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void rtmpCanOnlySendTheTestStream() {
        vm.urlProperty().set("rtmp://127.0.0.1/live/x");
        vm.actionProperty().set(TestCaller.Action.RECEIVE);
        vm.start();
        assertTrue(vm.outcomeProperty().get().contains("only send the test stream"), vm.outcomeProperty().get());
    }

    @Test
    void aValidCallStartsOffTheFxThreadAndHangsUp() {
        vm.urlProperty().set("srt://127.0.0.1:9?streamid=live/x&passphrase=some-secret-passphrase");
        vm.start();
        assertEquals(TestCaller.State.CONNECTING, vm.stateProperty().get());
        assertEquals(1, background.size(), "the call is handed to the background");
        assertFalse(vm.outcomeProperty().get().contains("some-secret-passphrase"), vm.outcomeProperty().get());
        vm.hangUp();
        assertFalse(vm.runningProperty().get());
        assertEquals("Hung up.", vm.outcomeProperty().get());
    }

    @Test
    void theBundledClipIsReadable() {
        var clip = TestClip.get();
        assertTrue(clip.durationMs() > 2000 && clip.durationMs() < 3000, "about 2.4 s: " + clip.durationMs());
        assertTrue(clip.messages().size() > 100);
    }
}
