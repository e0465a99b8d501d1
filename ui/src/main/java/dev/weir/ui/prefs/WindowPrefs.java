package dev.weir.ui.prefs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the console remembers about its window between runs: size, position, maximized, the open screen and the
 * theme. Kept as a flat string map (the store writes it as a small JSON file next to the configuration); values
 * that do not parse fall back to the defaults, so an edited or old file never stops the console from opening.
 *
 * @param x NaN when the window was never placed (the system centres it)
 */
public record WindowPrefs(double x, double y, double width, double height, boolean maximized, Screen screen, Theme theme) {
    public static final WindowPrefs DEFAULTS =
            new WindowPrefs(Double.NaN, Double.NaN, 1440, 900, false, Screen.DASHBOARD, Theme.LIGHT);
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    public WindowPrefs {
        if (!(width >= MIN_WIDTH)) width = Math.max(MIN_WIDTH, Double.isNaN(width) ? DEFAULTS_WIDTH : width);
        if (!(height >= MIN_HEIGHT)) height = Math.max(MIN_HEIGHT, Double.isNaN(height) ? DEFAULTS_HEIGHT : height);
        if (screen == null) screen = Screen.DASHBOARD;
        if (theme == null) theme = Theme.LIGHT;
    }

    private static final double DEFAULTS_WIDTH = 1440;
    private static final double DEFAULTS_HEIGHT = 900;

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Double.isNaN(x)) m.put("x", fmt(x));
        if (!Double.isNaN(y)) m.put("y", fmt(y));
        m.put("width", fmt(width));
        m.put("height", fmt(height));
        m.put("maximized", Boolean.toString(maximized));
        m.put("screen", screen.name().toLowerCase(Locale.ROOT));
        m.put("theme", theme.name().toLowerCase(Locale.ROOT));
        return m;
    }

    public static WindowPrefs fromMap(Map<String, String> m) {
        return new WindowPrefs(num(m.get("x"), Double.NaN), num(m.get("y"), Double.NaN),
                num(m.get("width"), DEFAULTS.width()), num(m.get("height"), DEFAULTS.height()),
                Boolean.parseBoolean(m.get("maximized")), enumOf(Screen.class, m.get("screen"), Screen.DASHBOARD),
                enumOf(Theme.class, m.get("theme"), Theme.LIGHT));
    }

    public WindowPrefs withScreen(Screen s) {
        return new WindowPrefs(x, y, width, height, maximized, s, theme);
    }

    public WindowPrefs withTheme(Theme t) {
        return new WindowPrefs(x, y, width, height, maximized, screen, t);
    }

    private static String fmt(double v) {
        return Long.toString(Math.round(v));
    }

    private static double num(String s, double fallback) {
        if (s == null) return fallback;
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String s, E fallback) {
        if (s == null) return fallback;
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
