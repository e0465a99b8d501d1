package dev.weir.app;

/**
 * One command-line flag: its name (without dash), whether it takes a value, whether it may repeat, its help
 * text, and whether this build implements it. Flags that later work will add are known by name so that they are
 * refused with a clear message instead of being taken for typos or, worse, silently ignored.
 */
record FlagSpec(String name, String valueName, boolean repeatable, String help, boolean implemented) {

    static FlagSpec value(String name, String valueName, String help) {
        return new FlagSpec(name, valueName, false, help, true);
    }

    /** A flag that may be given more than once ({@code -relay-to A -relay-to B}); every value is kept in order. */
    static FlagSpec repeatable(String name, String valueName, String help) {
        return new FlagSpec(name, valueName, true, help, true);
    }

    static FlagSpec bool(String name, String help) {
        return new FlagSpec(name, null, false, help, true);
    }

    static FlagSpec planned(String name, String valueName, String help) {
        return new FlagSpec(name, valueName, false, help, false);
    }

    boolean takesValue() {
        return valueName != null;
    }
}
