/**
 * The operator console (JavaFX), MVVM as in JabRef: each screen is a view built in code plus a view model of
 * read-only properties; only view models talk to the engine, and only through its snapshot
 * ({@link dev.weir.engine.stats.StatsSource}) and listener calls ({@link dev.weir.ui.listeners.ListenerControl}).
 *
 * <p>Data flow: {@link dev.weir.ui.ConsoleWindow} runs a 4 Hz {@code Timeline} that calls
 * {@link dev.weir.ui.ConsoleViewModel#refresh()}, which reads one {@code EngineSnapshot} and hands it to every
 * screen's view model in one pass on the FX thread. Listener start/stop runs on a worker thread; only the result
 * crosses back. Nothing is pushed per packet.
 *
 * <p>Screens, one package each: {@code listeners} (listener rows), {@code streams} (live streams table),
 * {@code detail} (selected stream and its bit rate chart). {@code format} holds the number formats, free of
 * JavaFX. Styles live in one sheet, {@code console.css}.
 *
 * <p>Entry points: {@link dev.weir.ui.WeirConsoleApp#launch} (a JavaFX application owning its engine) or
 * {@link dev.weir.ui.ConsoleWindow#show} (a window on a stage and engine the caller owns).
 */
package dev.weir.ui;
