package dev.weir.ui;

import dev.weir.engine.ListenerException;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.ui.detail.StreamDetailPane;
import dev.weir.ui.detail.StreamDetailViewModel;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weir.ui.Snapshots.T0;
import static dev.weir.ui.Snapshots.at;
import static dev.weir.ui.Snapshots.publishing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streams table and the detail pane, headless, fed by hand-built snapshots through the window's real
 * 4 Hz poller: rows, formatting, selection and sorting across refreshes, and the detail's life.
 */
@ExtendWith(ApplicationExtension.class)
class StreamsScreenTest {
    private final AtomicReference<EngineSnapshot> latest = new AtomicReference<>(EngineSnapshot.EMPTY);
    private ConsoleWindow window;


    @Start
    void start(Stage stage) {
        window = ConsoleWindow.show(stage, new SnapshotEngine(latest::get), ConsoleOptions.DEFAULTS);
        window.show(dev.weir.ui.prefs.Screen.STREAMS);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().hide()).get(5, TimeUnit.SECONDS);
    }

    private void publish(Instant at, long aIn, long bIn) throws Exception {
        latest.set(at(at,
                publishing("live/a", aIn, 0, 0, Duration.ofSeconds(62)),
                publishing("live/b", bIn, 3_000_000, 2, Duration.ofSeconds(3723))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            StreamRowViewModel a = window.viewModel().streams().row("live/a");
            return a != null && a.bitrateInProperty().get() == aIn;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<StreamRowViewModel> table(FxRobot robot) {
        return robot.lookup("#streams-table").queryAs(TableView.class);
    }

    private static String cell(FxRobot robot, String columnId, int row) {
        TableView<StreamRowViewModel> table = table(robot);
        TableColumn<StreamRowViewModel, ?> column = findColumn(table.getColumns(), columnId);
        Object value = column.getCellObservableValue(row).getValue();
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == column && c.getIndex() == row && !c.isEmpty()) {
                return c.getText() + " (" + value + ")";
            }
        }
        throw new AssertionError("no cell shows row " + row + " of column " + columnId);
    }

    private static Node row(FxRobot robot, int index) {
        for (Node n : robot.lookup(".table-row-cell").queryAll()) {
            if (n instanceof TableRow<?> r && r.getIndex() == index && !r.isEmpty()) {
                return r;
            }
        }
        throw new AssertionError("no table row " + index);
    }

    private static TableColumn<StreamRowViewModel, ?> findColumn(
            java.util.List<TableColumn<StreamRowViewModel, ?>> columns, String id) {
        for (TableColumn<StreamRowViewModel, ?> c : columns) {
            if (id.equals(c.getId())) return c;
            TableColumn<StreamRowViewModel, ?> nested = c.getColumns().isEmpty() ? null : findColumn(c.getColumns(), id);
            if (nested != null) return nested;
        }
        return null;
    }

    @Test
    void rowsShowFormattedNumbers(FxRobot robot) throws Exception {
        publish(T0, 4_210_000, 96_000);
        assertEquals(2, table(robot).getItems().size());
        assertEquals("live/a (live/a)", cell(robot, "col-key", 0));
        assertEquals("4.21 Mb/s (4210000)", cell(robot, "col-bitrate-in", 0));
        assertEquals("1:02 (PT1M2S)", cell(robot, "col-uptime", 0));
        assertEquals("1:02:03 (PT1H2M3S)", cell(robot, "col-uptime", 1));
        assertEquals("H264 (H264)", cell(robot, "col-video-codec", 0));
        assertEquals("640×360 (640×360)", cell(robot, "col-resolution", 0));
        assertEquals("25 (25.0)", cell(robot, "col-fps", 0));
        assertEquals("AAC (AAC)", cell(robot, "col-audio-codec", 0));
        assertEquals("Off (Off)", cell(robot, "col-encryption", 0));
        assertEquals("3.00 Mb/s (3000000)", cell(robot, "col-bitrate-out", 1));
        assertEquals("2 streams (2 publishing) · 2 players · 0 connections",
                robot.lookup("#status-summary").queryAs(Label.class).getText());
    }

    @Test
    void selectionAndSortingSurviveRefreshes(FxRobot robot) throws Exception {
        publish(T0, 1_000_000, 2_000_000);
        TableView<StreamRowViewModel> table = table(robot);
        robot.interact(() -> {
            TableColumn<StreamRowViewModel, ?> in = findColumn(table.getColumns(), "col-bitrate-in");
            in.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(in);
        });
        assertEquals("live/b", table.getItems().get(0).key());
        robot.clickOn(row(robot, 1));
        assertEquals("live/a", table.getSelectionModel().getSelectedItem().key());
        StreamDetailViewModel detail = window.viewModel().detailProperty().get();

        publish(T0.plusSeconds(1), 5_000_000, 2_000_000);

        assertEquals("live/a", table.getItems().get(0).key(), "the sorted table follows the moving bit rate");
        assertEquals("live/a", table.getSelectionModel().getSelectedItem().key(), "selection stays on its stream");
        assertSame(detail, window.viewModel().detailProperty().get(), "the detail and its chart stay open");
    }

    @Test
    void theDetailShowsTheSelectedStreamAndItsChart(FxRobot robot) throws Exception {
        publish(T0, 1_000_000, 2_000_000);
        robot.clickOn(row(robot, 1));
        for (int s = 1; s <= 3; s++) {
            publish(T0.plusSeconds(s), 1_000_000L + s, 2_000_000);
        }
        assertEquals("live/b", robot.lookup("#detail-title").queryAs(Label.class).getText());
        assertEquals("H264 High", robot.lookup("#detail-video").queryAs(Label.class).getText());
        assertEquals("2.0 s", robot.lookup("#detail-keyframe-interval").queryAs(Label.class).getText());
        assertEquals("3.00 Mb/s", robot.lookup("#detail-bit-rate-out").queryAs(Label.class).getText());
        LineChart<?, ?> chart = robot.lookup("#bitrate-chart").queryAs(LineChart.class);
        assertEquals(2, chart.getData().size(), "in and out");
        assertEquals(window.viewModel().detailProperty().get().history().size(), chart.getData().get(0).getData().size());
        assertTrue(chart.getData().get(0).getData().size() >= 1);
        assertTrue(!chart.getAnimated() && !chart.getCreateSymbols());
    }

    @Test
    void deselectingLetsTheDetailGo(FxRobot robot) throws Exception {
        publish(T0, 1_000_000, 2_000_000);
        robot.clickOn(row(robot, 0));
        WeakReference<StreamDetailViewModel> detail = new WeakReference<>(window.viewModel().detailProperty().get());
        WeakReference<StreamDetailPane> pane = new WeakReference<>(robot.lookup("#stream-detail").queryAs(StreamDetailPane.class));
        assertEquals("live/a", detail.get().key());

        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        assertNull(window.viewModel().detailProperty().get());
        assertTrue(robot.lookup("#stream-detail").tryQuery().isEmpty(), "the detail pane is gone from the window");

        for (int i = 0; i < 50 && (detail.get() != null || pane.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        assertNull(detail.get(), "nothing holds the closed detail's history any more");
        assertNull(pane.get(), "nothing holds the closed detail pane any more");
    }

    @Test
    void aStreamThatEndsLeavesTheTable(FxRobot robot) throws Exception {
        publish(T0, 1_000_000, 2_000_000);
        latest.set(at(T0.plusSeconds(1), publishing("live/b", 1, 1, 0, Duration.ZERO)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.viewModel().streams().rows().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("live/b", table(robot).getItems().get(0).key());
    }
}
