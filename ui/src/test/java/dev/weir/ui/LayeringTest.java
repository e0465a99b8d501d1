package dev.weir.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the console's MVVM split honest, as JabRef's architecture tests do: view models hold state and talk to
 * the engine but know no nodes, scenes or stages; formatting helpers know no JavaFX at all.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "weir", "ui");

    private static List<Path> sources(String nameSuffix) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(nameSuffix)).sorted().toList();
        }
    }

    private static List<String> imports(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
    }

    @Test
    void viewModelsKnowNoViews() throws IOException {
        List<Path> viewModels = sources("ViewModel.java");
        assertTrue(viewModels.size() >= 5, "found the view models: " + viewModels);
        for (Path vm : viewModels) {
            for (String line : imports(vm)) {
                assertTrue(!line.contains("javafx.scene") && !line.contains("javafx.stage")
                                && !line.contains("org.controlsfx"),
                        vm.getFileName() + " imports a view class: " + line);
            }
        }
    }

    @Test
    void formattingKnowsNoJavaFx() throws IOException {
        List<Path> formats = sources(".java").stream()
                .filter(p -> p.getParent().getFileName().toString().equals("format")).toList();
        assertTrue(formats.size() >= 4, "found the format classes: " + formats);
        for (Path f : formats) {
            assertEquals(List.of(), imports(f).stream().filter(l -> l.contains("javafx")).toList(), f.toString());
        }
    }

    @Test
    void theConsoleKnowsNeitherJacksonNorLogback() throws IOException {
        for (Path f : sources(".java")) {
            for (String line : Files.readAllLines(f)) {
                assertTrue(!line.contains("com.fasterxml") && !line.contains("ch.qos.logback"),
                        f + " uses what the app owns (ConfigStore and LogFeed are the seams): " + line);
            }
        }
    }

    @Test
    void alertRulesAndEngineSeamKnowNoJavaFx() throws IOException {
        for (String name : List.of("alerts/Alert.java", "alerts/AlertDeriver.java", "engine/EngineControl.java",
                "engine/EngineHost.java", "engine/AttachableEngine.java", "engine/RemoteAddress.java", "settings/ConfigStore.java", "log/LogFeed.java", "prefs/WindowPrefs.java")) {
            Path f = SOURCES.resolve(name);
            assertEquals(List.of(), imports(f).stream().filter(l -> l.contains("javafx")).toList(), name);
        }
    }
}
