package dev.weir.ui.alerts;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.controlsfx.control.NotificationPane;

/**
 * The ControlsFX alert bar in a row of its own above the open screen, instead of over it: a
 * {@link NotificationPane} around an empty slot, as tall as its bar while the bar shows and 0 px otherwise, so
 * the screen below is pushed down rather than covered (a NotificationPane lays its bar over its content, which
 * hid each screen's heading while an alert was up).
 */
public final class AlertBarRow extends NotificationPane {
    /** Used when the bar's own height cannot be read yet (the skin is not built); the dark bar is about this tall. */
    static final double FALLBACK_HEIGHT = 40;

    public AlertBarRow() {
        super(new Region());
        getStyleClass().add("alert-bar-row");
        reserve(0);
        setOnShowing(e -> reserve(barHeight()));
        setOnHidden(e -> reserve(0));
    }

    private void reserve(double height) {
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
    }

    /** The bar's preferred height at the row's width (one line of text with the dark style's padding). */
    double barHeight() {
        applyCss();
        Node bar = lookup(".notification-bar");
        if (bar instanceof Region r) {
            double h = r.prefHeight(getWidth() > 0 ? getWidth() : -1);
            if (h > 0) return Math.ceil(h);
        }
        return FALLBACK_HEIGHT;
    }
}
