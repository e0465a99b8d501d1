package dev.weir.engine.config;

import dev.weir.engine.hooks.HookEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings records for hooks, metrics and TLS: defaults as the seed's, clear errors for bad flag values. */
class OpsSettingsTest {

    @Test
    void hookBindingsSplitAtTheFirstEquals() {
        HookSettings.Binding b = HookSettings.Binding.parse("publish_stop=https://hooks.example.com/x?a=1&b=2");
        assertEquals(HookEventType.PUBLISH_STOP, b.event());
        assertEquals("https://hooks.example.com/x?a=1&b=2", b.target());
        assertEquals("hook 'publish_start' must be event=target, e.g. publish_start=/opt/on-publish.sh",
                assertThrows(IllegalArgumentException.class, () -> HookSettings.Binding.parse("publish_start")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HookSettings.Binding.parse("auth_failed=/x")).getMessage()
                .startsWith("unknown hook event 'auth_failed'"));
    }

    @Test
    void hookDefaultsAndLimits() {
        assertEquals(Duration.ofSeconds(30), HookSettings.DEFAULTS.timeout());
        assertEquals(10, HookSettings.DEFAULTS.concurrency());
        assertFalse(HookSettings.DEFAULTS.hasAny());
        assertTrue(new HookSettings(null, null, "env", null, 1).hasAny());
        assertEquals("hook stdio format 'yaml' is not json or env",
                assertThrows(IllegalArgumentException.class, () -> new HookSettings(null, null, "yaml", null, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HookSettings(null, null, null, null, 0));
        assertEquals("'file:///x' is not an http:// or https:// URL with a host", assertThrows(IllegalArgumentException.class,
                () -> new HookSettings(null, List.of(HookSettings.Binding.parse("play_start=file:///x")), null, null, 1)).getMessage());
    }

    @Test
    void metricsAddressIsCheckedEarly() {
        assertFalse(MetricsSettings.DEFAULTS.enabled());
        assertFalse(new MetricsSettings(" ").enabled());
        assertTrue(new MetricsSettings(":8080").enabled());
        assertThrows(IllegalArgumentException.class, () -> new MetricsSettings("8080"));
    }

    @Test
    void tlsNeedsBothFiles() {
        assertFalse(TlsSettings.DEFAULTS.enabled());
        assertEquals("-tls-listen needs both -tls-cert and -tls-key",
                assertThrows(IllegalArgumentException.class, () -> new TlsSettings(":443", "cert.pem", null)).getMessage());
        assertEquals("-tls-cert and -tls-key go together: give both or neither",
                assertThrows(IllegalArgumentException.class, () -> new TlsSettings(null, "cert.pem", "")).getMessage());
        assertTrue(new TlsSettings(":443", "cert.pem", "key.pem").enabled());
    }
}
