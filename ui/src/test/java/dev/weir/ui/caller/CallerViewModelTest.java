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
    void receivingOverRtmpNeedsTheStreamName() {
        vm.urlProperty().set("rtmp://127.0.0.1/live");
        vm.actionProperty().set(TestCaller.Action.RECEIVE);
        vm.start();
        assertEquals("To receive over RTMP the URL must name the stream: rtmp://host/app/name", vm.outcomeProperty().get());
        assertTrue(background.isEmpty(), "nothing was started");
        vm.urlProperty().set("rtmp://127.0.0.1/live/x");
        vm.start();
        assertEquals(TestCaller.State.CONNECTING, vm.stateProperty().get(), "receive and connect work over RTMP too");
        vm.hangUp();
    }

    @Test
    void aPastedPassphraseMovesIntoTheSecretAndBackOnlyForTheCall() {
        vm.urlProperty().set("srt://127.0.0.1:9?streamid=live/x&passphrase=correct%20horse%20battery&latency=200");
        assertEquals("srt://127.0.0.1:9?streamid=live/x&latency=200", vm.urlProperty().get());
        assertEquals("correct horse battery", vm.secretProperty().get());
        assertEquals("srt://127.0.0.1:9?streamid=live/x&latency=200&passphrase=correct%20horse%20battery", vm.callUrl());
    }

    @Test
    void aTokenMovesOutOfAnRtmpUrlAndGoesBackAsTheStreamNamesQuery() {
        vm.urlProperty().set("rtmp://h/live/cam?token=s3cret");
        assertEquals("rtmp://h/live/cam", vm.urlProperty().get());
        assertEquals("s3cret", vm.secretProperty().get());
        assertEquals("rtmp://h/live/cam?token=s3cret", vm.callUrl());
        vm.secretProperty().set("");
        assertEquals("rtmp://h/live/cam", vm.callUrl(), "no secret, nothing added");
    }

    @Test
    void aPassphraseTypedKeyByKeyMovesWhenEndedByAnAmpersandOrOnCall() {
        String typed = "srt://h:9?passphrase=abcdefghij&latency=1";
        for (int i = 1; i <= "srt://h:9?passphrase=abcdefghij".length(); i++) vm.urlProperty().set(typed.substring(0, i));
        assertEquals("srt://h:9?passphrase=abcdefghij", vm.urlProperty().get(), "still being typed");
        vm.urlProperty().set(vm.urlProperty().get() + "&");
        assertEquals("srt://h:9?", vm.urlProperty().get(), "room for the next parameter");
        assertEquals("abcdefghij", vm.secretProperty().get());

        vm.urlProperty().set("");
        vm.secretProperty().set("");
        for (char c : "srt://h:9?passphrase=klmnopqrst".toCharArray()) vm.urlProperty().set(vm.urlProperty().get() + c);
        vm.start();
        assertEquals("srt://h:9", vm.urlProperty().get(), "moved on call");
        assertEquals("klmnopqrst", vm.secretProperty().get());
        assertFalse(vm.outcomeProperty().get().contains("klmnopqrst"), vm.outcomeProperty().get());
        vm.hangUp();
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
