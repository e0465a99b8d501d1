package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SrtPassphraseTableTest {
    @TempDir
    Path dir;

    @Test
    void loadsLooksUpAndReloads() throws Exception {
        Path f = dir.resolve("srt-keys.json");
        Files.writeString(f, "{\"live/stream1\": \"passphrase-at-least-10-chars\", \"live/s2\": \"0123456789\"}");
        SrtPassphraseTable t = SrtPassphraseTable.load(f);
        assertEquals(Optional.of("passphrase-at-least-10-chars"), t.passphraseFor("live/stream1"));
        assertEquals(Optional.empty(), t.passphraseFor("live/other"));

        Files.writeString(f, "{\"live/stream1\": \"another-passphrase\", \"live/s3\": \"" + "p".repeat(80) + "\"}");
        TableChange c = t.reload();
        assertEquals(Set.of("live/s3"), c.added());
        assertEquals(Set.of("live/s2"), c.removed());
        assertEquals(Set.of("live/stream1"), c.changed());
        assertEquals(Optional.of("another-passphrase"), t.passphraseFor("live/stream1"));
    }

    @Test
    void lengthBoundsAreLibsrts() throws Exception {
        SrtPassphraseTable.validate("k", "0123456789");
        SrtPassphraseTable.validate("k", "p".repeat(80));
        AccessConfigException shortOne = assertThrows(AccessConfigException.class,
                () -> SrtPassphraseTable.validate("live/a", "short-pw1"));
        assertEquals("SRT passphrase for stream 'live/a' is 9 bytes long; it must be 10 to 80", shortOne.getMessage());
        assertThrows(AccessConfigException.class, () -> SrtPassphraseTable.validate("k", "p".repeat(81)));
    }

    @Test
    void aBadReloadKeepsTheOldTableAndNeverQuotesAPassphrase() throws Exception {
        Path f = dir.resolve("srt-keys.json");
        Files.writeString(f, "{\"live/a\": \"good-passphrase\"}");
        SrtPassphraseTable t = SrtPassphraseTable.load(f);
        Files.writeString(f, "{\"live/a\": \"good-passphrase\", \"live/b\": \"tiny-pw\"}");
        AccessConfigException e = assertThrows(AccessConfigException.class, t::reload);
        assertEquals("SRT passphrase file " + f + ": SRT passphrase for stream 'live/b' is 7 bytes long; it must be 10 to 80",
                e.getMessage());
        assertFalse(e.getMessage().contains("tiny-pw"));
        assertEquals(Optional.of("good-passphrase"), t.passphraseFor("live/a"));
        assertFalse(t.toString().contains("good-passphrase"));
    }
}
