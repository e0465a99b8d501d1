package dev.weir.ui.prefs;

/** The console's colour themes; each is a style sheet laid over {@code console.css}. */
public enum Theme {
    LIGHT("theme-light.css"), DARK("theme-dark.css");

    private final String styleSheet;

    Theme(String styleSheet) {
        this.styleSheet = styleSheet;
    }

    public String styleSheet() {
        return styleSheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
