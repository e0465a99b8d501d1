package dev.weir.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmOptionsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsOneOptionPerLineSkippingCommentsAndBlankLines() throws Exception {
        Path file = Files.writeString(dir.resolve("weir.jvmopts"), """
                # comment
                --add-modules=javafx.controls,javafx.fxml

                  -Dfile.encoding=UTF-8\s\s
                   # indented comment
                --add-modules
                jdk.net
                """);

        JvmOptionsFile options = JvmOptionsFile.read(file);

        assertEquals(List.of("--add-modules=javafx.controls,javafx.fxml", "-Dfile.encoding=UTF-8", "--add-modules", "jdk.net"),
                options.options());
        assertEquals(Set.of("javafx.controls", "javafx.fxml", "jdk.net"), options.addedModules());
    }

    @Test
    void refusesAnOptionWithASpaceBecauseJpackageWouldSplitIt() throws Exception {
        Path file = Files.writeString(dir.resolve("weir.jvmopts"), "-Dgreeting=hello world\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JvmOptionsFile.read(file));

        assertTrue(e.getMessage().contains("weir.jvmopts:1"), e.getMessage());
    }

    @Test
    void allModuleTokensAreNotModuleNames() throws Exception {
        Path file = Files.writeString(dir.resolve("weir.jvmopts"), "--add-modules=ALL-MODULE-PATH,java.sql\n");

        assertEquals(Set.of("java.sql"), JvmOptionsFile.read(file).addedModules());
    }

    @Test
    void theApplicationsOwnFileParsesAndAddsJavaFx() throws Exception {
        JvmOptionsFile options = JvmOptionsFile.read(Path.of("../app/src/main/jvm/weir.jvmopts"));

        assertTrue(options.addedModules().contains("javafx.controls"), options.addedModules().toString());
    }
}
