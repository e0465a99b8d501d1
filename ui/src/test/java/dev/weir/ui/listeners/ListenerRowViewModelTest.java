package dev.weir.ui.listeners;

import dev.weir.engine.ListenerException;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static dev.weir.ui.Snapshots.withListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenerRowViewModelTest {

    /** Runs queued work only when the test says so, so the test sees which thread-side each step runs on. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove().run();
            }
        }
    }

    /** Records calls; answers with an id or with the exception it was given. */
    private static final class RecordingControl implements ListenerControl {
        final List<String> calls = new ArrayList<>();
        Exception failWith;

        @Override
        public String start(dev.weir.engine.stats.Protocol protocol, String address) throws ListenerException {
            calls.add(protocol == Protocol.RTMP ? "start " + address : "start " + protocol + " " + address);
            if (failWith instanceof ListenerException le) throw le;
            if (failWith instanceof RuntimeException re) throw re;
            return "rtmp:" + address;
        }

        @Override
        public void stop(String listenerId) {
            calls.add("stop " + listenerId);
        }
    }

    private final ManualExecutor background = new ManualExecutor();
    private final ManualExecutor fx = new ManualExecutor();
    private final RecordingControl control = new RecordingControl();
    private final ListenerRowViewModel row =
            new ListenerRowViewModel(Protocol.RTMP, "127.0.0.1:1935", control, background, fx);

    @Test
    void startsOffTheFxThreadAndReportsBackOnIt() {
        row.start();
        assertEquals(ListenerRowState.STARTING, row.stateProperty().get());
        assertEquals(List.of(), control.calls, "the engine is not called on the FX thread");

        background.runAll();
        assertEquals(List.of("start 127.0.0.1:1935"), control.calls);
        assertEquals(ListenerRowState.STARTING, row.stateProperty().get(), "properties change only on the FX thread");

        fx.runAll();
        assertEquals(ListenerRowState.RUNNING, row.stateProperty().get());
        assertEquals("rtmp:127.0.0.1:1935", row.listenerIdProperty().get());
        assertNull(row.errorProperty().get());
    }

    @Test
    void theEnginesRefusalIsShownAsItsMessage() {
        control.failWith = new ListenerException("port 1935 on 127.0.0.1 is already in use; stop the other server or pick another port");
        row.start();
        background.runAll();
        fx.runAll();
        assertEquals(ListenerRowState.FAILED, row.stateProperty().get());
        assertEquals("Port 1935 on 127.0.0.1 is already in use; stop the other server or pick another port",
                row.errorProperty().get());
        assertNull(row.listenerIdProperty().get());
    }

    @Test
    void theAddressIsPassedAsTypedButTrimmed() {
        row.addressProperty().set("  :1936 ");
        row.start();
        background.runAll();
        fx.runAll();
        assertEquals(List.of("start :1936"), control.calls);
    }

    @Test
    void anEmptyMessageStillSaysWhatHappened() {
        control.failWith = new ListenerException("");
        row.start();
        background.runAll();
        fx.runAll();
        assertEquals("The listener did not start.", row.errorProperty().get());
    }

    @Test
    void anUnexpectedEngineErrorBecomesAMessageNotATrace() {
        control.failWith = new IllegalStateException("engine is closed");
        row.start();
        background.runAll();
        fx.runAll();
        assertEquals(ListenerRowState.FAILED, row.stateProperty().get());
        assertEquals("Could not start the listener on '127.0.0.1:1935': engine is closed", row.errorProperty().get());
    }

    @Test
    void aFailedListenerCanBeStartedAgainAndTheErrorClears() {
        control.failWith = new ListenerException("port in use");
        row.start();
        background.runAll();
        fx.runAll();
        control.failWith = null;

        row.toggle();
        assertNull(row.errorProperty().get());
        background.runAll();
        fx.runAll();
        assertEquals(ListenerRowState.RUNNING, row.stateProperty().get());
    }

    @Test
    void stopsOffTheFxThread() {
        row.start();
        background.runAll();
        fx.runAll();

        row.toggle();
        assertEquals(ListenerRowState.STOPPING, row.stateProperty().get());
        background.runAll();
        assertEquals(List.of("start 127.0.0.1:1935", "stop rtmp:127.0.0.1:1935"), control.calls);
        fx.runAll();
        assertEquals(ListenerRowState.STOPPED, row.stateProperty().get());
        assertNull(row.listenerIdProperty().get());
    }

    @Test
    void clicksDuringAChangeAreIgnored() {
        row.start();
        row.start();
        row.toggle();
        background.runAll();
        assertEquals(List.of("start 127.0.0.1:1935"), control.calls);
    }

    @Test
    void theSnapshotReportsConnectionsAndLaterFailures() {
        row.start();
        background.runAll();
        fx.runAll();
        String id = row.listenerIdProperty().get();

        row.update(withListener(new ListenerSnapshot(id, Protocol.RTMP, "127.0.0.1:1935", ListenerState.RUNNING, null, 3, 7, 1)));
        assertEquals(3, row.connectionsProperty().get());
        assertEquals(7, row.acceptedProperty().get());
        assertEquals(1, row.rejectedProperty().get());

        row.update(withListener(new ListenerSnapshot("rtmp:other", Protocol.RTMP, ":1936", ListenerState.FAILED, "other", 0, 0, 0)));
        assertEquals(ListenerRowState.RUNNING, row.stateProperty().get(), "other listeners do not change this row");

        row.update(withListener(new ListenerSnapshot(id, Protocol.RTMP, "127.0.0.1:1935", ListenerState.FAILED,
                "accept failed: too many open files", 0, 7, 1)));
        assertEquals(ListenerRowState.FAILED, row.stateProperty().get());
        assertEquals("Accept failed: too many open files", row.errorProperty().get());
    }

    @Test
    void anSrtRowStartsAnSrtListener() {
        ListenerRowViewModel srt = new ListenerRowViewModel(Protocol.SRT, ":9000", control, background, fx);
        srt.start();
        background.runAll();
        fx.runAll();
        assertEquals(List.of("start SRT :9000"), control.calls);
        assertEquals(ListenerRowState.RUNNING, srt.stateProperty().get());
    }

    @Test
    void aMirrorRowFollowsTheRemotesListenerOfItsProtocolAndCannotBeStarted() {
        ListenerRowViewModel row = ListenerRowViewModel.mirror(Protocol.SRT);
        assertEquals(ListenerRowState.STOPPED, row.stateProperty().get());
        row.update(withListener(new ListenerSnapshot("rtmp:0.0.0.0:1935", Protocol.RTMP, "0.0.0.0:1935", ListenerState.RUNNING, null, 1, 1, 0)));
        assertEquals(ListenerRowState.STOPPED, row.stateProperty().get(), "another protocol's listener is not this row's");
        row.update(withListener(new ListenerSnapshot("srt:0.0.0.0:10080", Protocol.SRT, "0.0.0.0:10080", ListenerState.RUNNING, null, 2, 9, 57)));
        assertEquals(ListenerRowState.RUNNING, row.stateProperty().get());
        assertEquals("0.0.0.0:10080", row.addressProperty().get());
        assertEquals(2, row.connectionsProperty().get());
        assertEquals(57, row.rejectedProperty().get());
        row.toggle();
        row.stop();
        assertEquals(ListenerRowState.RUNNING, row.stateProperty().get(), "a remote listener is not stopped from here");
        row.update(withListener(new ListenerSnapshot("srt:0.0.0.0:10080", Protocol.SRT, "0.0.0.0:10080", ListenerState.FAILED, "port in use", 0, 9, 57)));
        assertEquals(ListenerRowState.FAILED, row.stateProperty().get());
        assertEquals("Port in use", row.errorProperty().get());
    }
}
