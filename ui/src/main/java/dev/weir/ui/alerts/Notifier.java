package dev.weir.ui.alerts;

import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

import java.util.List;

/**
 * Shows each batch of alerts in the window's ControlsFX {@link NotificationPane} (an {@link AlertBarRow}: one bar
 * in its own row above the screen), reused for every batch, hidden again after a few seconds. A batch of one reads
 * as that alert; a larger one lists the first few and counts the rest.
 *
 * <p>Why not ControlsFX {@code Notifications} (toasts in their own popup windows): each toast is a new window, and
 * in the responsiveness benchmark (docs/performance.md) a toast every 10 s made the heap grow by about 1 MiB a
 * minute, while the same run without toasts stayed flat. One reused in-window bar cannot pile up.
 */
public final class Notifier {
    static final int LISTED = 3;

    private final NotificationPane pane;
    private final PauseTransition hideLater = new PauseTransition(Duration.seconds(8));

    public Notifier(NotificationPane pane) {
        this.pane = pane;
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        hideLater.setOnFinished(e -> pane.hide());
    }

    public void show(List<Alert> batch) {
        if (batch.isEmpty()) return;
        boolean warning = batch.stream().anyMatch(a -> a.kind().warning());
        pane.getStyleClass().removeAll("alert-warning", "alert-info");
        pane.getStyleClass().add(warning ? "alert-warning" : "alert-info");
        pane.setText(text(batch));
        if (!pane.isShowing()) pane.show();
        hideLater.playFromStart();
    }

    /** The bar's text: the alert itself, or the first few and how many more. */
    static String text(List<Alert> batch) {
        if (batch.size() == 1) return batch.getFirst().text();
        StringBuilder b = new StringBuilder(batch.size() + " events: ");
        for (int i = 0; i < Math.min(LISTED, batch.size()); i++) {
            if (i > 0) b.append(" · ");
            b.append(batch.get(i).text());
        }
        if (batch.size() > LISTED) b.append(" · and ").append(batch.size() - LISTED).append(" more (Dashboard, Log)");
        return b.toString();
    }
}
