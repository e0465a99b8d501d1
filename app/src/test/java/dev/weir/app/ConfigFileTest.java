package dev.weir.app;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RtmpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileTest {

    @Test
    void roundTripsAndIsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/weir.json");
        EngineConfig config = EngineConfig.DEFAULTS.withRtmp(new RtmpSettings("127.0.0.1:1936", 65536));
        ConfigFile.write(file, config);
        assertEquals(config, ConfigFile.read(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String json = Files.readString(file);
        assertTrue(json.contains("\"handshakeTimeout\" : \"PT10S\""), json);
    }

    @Test
    void missingKeysTakeDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{}");
        assertEquals(EngineConfig.DEFAULTS, ConfigFile.read(file));
    }

    @Test
    void misspeltSettingIsAnErrorNamingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\n  \"rtmp\": {\n    \"lissen\": \":1935\"\n  }\n}");
        var e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(e.getMessage().contains("unknown setting 'rtmp.lissen' (known here: listen, chunkSize)"), e.getMessage());
    }

    @Test
    void partialSectionKeepsTheDefaultsOfWhatItLeavesOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\"rtmp\": {\"listen\": \":2000\"}}");
        EngineConfig c = ConfigFile.read(file);
        assertEquals(":2000", c.rtmp().listen());
        assertEquals(RtmpSettings.DEFAULTS.chunkSize(), c.rtmp().chunkSize());
    }

    @Test
    void syntaxErrorNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\n  \"rtmp\": {\n    \"listen\" \":1935\"\n  }\n}");
        var e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void badValueSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weir.json");
        Files.writeString(file, "{\"rtmp\": {\"listen\": \":1935\", \"chunkSize\": 5}}");
        var e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(e.getMessage().contains("chunk size must be between 128 and 65536"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        var e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().endsWith("nope.json does not exist"), e.getMessage());
    }
}
