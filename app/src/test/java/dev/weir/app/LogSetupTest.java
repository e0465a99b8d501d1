package dev.weir.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging set-up in code that replaced logback.xml: same destination, pattern and levels, found by logback. */
class LogSetupTest {

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(Configurator.class).forEach(c -> found.add(c.getClass().getName()));
        assertEquals(List.of(LogSetup.class.getName()), found);
    }

    @Test
    void sendsInfoAndAboveToStderrWithTheTimeLevelThreadLoggerPattern() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.INFO, context.getLogger("dev.weir").getLevel());
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) appenders.add(it.next());
        assertEquals(1, appenders.size());
        ConsoleAppender<ILoggingEvent> console = assertInstanceOf(ConsoleAppender.class, appenders.get(0));
        assertEquals("System.err", console.getTarget());
        assertTrue(console.isStarted());
        PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder());
        assertEquals("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n", encoder.getPattern());
        context.stop();
    }

    @Test
    void stepsAsideWhenTheOperatorNamesALogbackFile() {
        String before = System.getProperty(LogSetup.CONFIGURATION_FILE_PROPERTY);
        System.setProperty(LogSetup.CONFIGURATION_FILE_PROPERTY, "/etc/weir/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            LogSetup setup = new LogSetup();
            setup.setContext(context);
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
            assertTrue(!context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(),
                    "nothing attached: the named file decides");
        } finally {
            if (before == null) System.clearProperty(LogSetup.CONFIGURATION_FILE_PROPERTY);
            else System.setProperty(LogSetup.CONFIGURATION_FILE_PROPERTY, before);
        }
    }
}
