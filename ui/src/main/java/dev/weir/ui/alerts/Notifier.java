package dev.weir.ui.alerts;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Shows a batch of alerts as ControlsFX notifications: up to three one by one, more as one summary, so a storm
 * of refusals cannot bury the screen.
 */
public final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int SHOWN_ONE_BY_ONE = 3;

    private final Supplier<Window> owner;

    public Notifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    public void show(List<Alert> batch) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) return;
        try {
            if (batch.size() <= SHOWN_ONE_BY_ONE) {
                for (Alert a : batch) notification(w, title(a), a.text(), a.kind().warning());
            } else {
                long warnings = batch.stream().filter(a -> a.kind().warning()).count();
                StringBuilder text = new StringBuilder();
                batch.stream().limit(5).forEach(a -> text.append(a.text()).append('\n'));
                if (batch.size() > 5) text.append("… and ").append(batch.size() - 5).append(" more (see the Log screen)");
                notification(w, batch.size() + " events", text.toString().strip(), warnings > 0);
            }
        } catch (RuntimeException e) {
            log.debug("notification not shown", e);
        }
    }

    private static void notification(Window owner, String title, String text, boolean warning) {
        Notifications n = Notifications.create()
                .owner(owner)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(warning ? 8 : 4));
        if (warning) n.showWarning(); else n.showInformation();
    }

    private static String title(Alert a) {
        return switch (a.kind()) {
            case PUBLISHER_CONNECTED -> "Publisher connected";
            case PUBLISHER_DROPPED -> "Publisher dropped";
            case RECORDING_FAILED -> "Recording failed";
            case RELAY_FAILING -> "Relay failing";
            case CONNECTIONS_REFUSED -> "Connection refused";
        };
    }
}
