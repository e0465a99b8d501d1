package dev.weir.ui.prefs;

/** The console's screens, in navigation order. */
public enum Screen {
    DASHBOARD("Dashboard"), STREAMS("Streams"), SETTINGS("Settings"), CALLER("Test connection"), LOG("Log");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
