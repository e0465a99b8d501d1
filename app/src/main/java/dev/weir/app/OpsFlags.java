package dev.weir.app;

import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.AuthSettings.AuthMode;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.HookSettings;
import dev.weir.engine.config.MetricsSettings;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.config.TlsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator flags of {@code weir server}: RTMPS ({@code -tls-*}), per-stream SRT passphrases, relays
 * ({@code -relay-to}), access control ({@code -auth-*}), hooks ({@code -hook-*}) and metrics
 * ({@code -metrics-addr}). Each turns into the same {@link EngineConfig} records the JSON file and the console use;
 * a flag overrides that part of the file. Combinations that cannot work are refused with the flags' names.
 */
final class OpsFlags {
    private OpsFlags() {}

    static final List<FlagSpec> FLAGS = List.of(
            FlagSpec.value("tls-listen", "ADDR", "RTMPS listen address (e.g. :443); needs -tls-cert and -tls-key"),
            FlagSpec.value("tls-cert", "FILE", "PEM certificate chain for RTMPS, leaf first"),
            FlagSpec.value("tls-key", "FILE", "PEM private key for RTMPS (not encrypted)"),
            FlagSpec.value("srt-passphrase-file", "FILE", "per-stream SRT passphrases (JSON; SIGHUP reloads it)"),
            FlagSpec.repeatable("relay-to", "URL", "relay destination rtmp://, rtmps:// or srt:// (all streams), or KEY=URL (repeatable)"),
            FlagSpec.value("auth-mode", "MODE", "none | token | file | callback (default none)"),
            FlagSpec.repeatable("auth-token", "KEY=TOKEN", "stream token for token mode (repeatable)"),
            FlagSpec.value("auth-file", "FILE", "JSON token file for file mode (SIGHUP reloads it)"),
            FlagSpec.value("auth-callback", "URL", "auth webhook for callback mode"),
            FlagSpec.value("auth-callback-timeout", "DUR", "auth webhook timeout (default 5s)"),
            FlagSpec.repeatable("hook-script", "EVENT=PATH", "run a program on an event (repeatable)"),
            FlagSpec.repeatable("hook-webhook", "EVENT=URL", "POST an event as JSON (repeatable)"),
            FlagSpec.value("hook-stdio-format", "FMT", "print every event to stdout: json | env"),
            FlagSpec.value("hook-timeout", "DUR", "hook timeout (default 30s)"),
            FlagSpec.value("hook-concurrency", "N", "hooks running at once (default 10)"),
            FlagSpec.value("metrics-addr", "ADDR", "HTTP /metrics and /api/v1 address (e.g. 127.0.0.1:8080); off by default"));

    /** {@code config} with the operator flags applied over it. */
    static EngineConfig apply(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        return tls(flags, metrics(flags, hooks(flags, auth(flags, relays(flags, srtPassphraseFile(flags, config))))));
    }

    private static EngineConfig tls(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        TlsSettings t = config.tls();
        if (!flags.has("tls-listen") && !flags.has("tls-cert") && !flags.has("tls-key")) return config;
        String listen = flags.has("tls-listen") ? flags.last("tls-listen") : t.listen();
        String cert = flags.has("tls-cert") ? flags.last("tls-cert") : t.cert();
        String key = flags.has("tls-key") ? flags.last("tls-key") : t.key();
        if (listen != null && (cert == null || key == null)) {
            throw new UsageException("-tls-listen needs -tls-cert FILE and -tls-key FILE");
        }
        if (listen == null && (cert != null || key != null)) {
            throw new UsageException("-tls-cert and -tls-key are for RTMPS: add -tls-listen ADDR");
        }
        for (String[] f : new String[][] {{"tls-cert", cert}, {"tls-key", key}}) {
            if (f[1] != null && !Files.isReadable(Path.of(f[1]))) {
                throw new UsageException("-" + f[0] + ": cannot read " + f[1]);
            }
        }
        try {
            return config.withTls(new TlsSettings(listen, cert, key));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-tls-listen: " + e.getMessage());
        }
    }

    private static EngineConfig srtPassphraseFile(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        if (!flags.has("srt-passphrase-file")) return config;
        String file = flags.last("srt-passphrase-file");
        if (flags.has("srt-passphrase") || config.srt().passphrase() != null) {
            throw new UsageException("-srt-passphrase and -srt-passphrase-file exclude each other: give one");
        }
        if (!Files.isReadable(Path.of(file))) throw new UsageException("-srt-passphrase-file: cannot read " + file);
        SrtSettings s = config.srt();
        return config.withSrt(s.withPassphraseFile(file));
    }

    private static EngineConfig relays(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        if (!flags.has("relay-to")) return config;
        List<RelaySettings.Destination> destinations = new ArrayList<>();
        for (String value : flags.all("relay-to")) {
            try {
                destinations.add(RelaySettings.Destination.parse(value));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().startsWith("-relay-to") ? e.getMessage() : "-relay-to: " + e.getMessage());
            }
        }
        return config.withRelay(new RelaySettings(destinations));
    }

    private static EngineConfig auth(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        AuthSettings a = config.auth();
        boolean any = flags.has("auth-mode") || flags.has("auth-token") || flags.has("auth-file")
                || flags.has("auth-callback") || flags.has("auth-callback-timeout");
        if (!any) return config;
        AuthMode mode = a.mode();
        if (flags.has("auth-mode")) {
            try {
                mode = AuthMode.parse(flags.last("auth-mode"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("-auth-mode: " + e.getMessage());
            }
        }
        Map<String, String> tokens = new LinkedHashMap<>(a.tokens());
        if (flags.has("auth-token")) {
            tokens.clear();
            for (String value : flags.all("auth-token")) {
                try {
                    Map.Entry<String, String> e = AuthSettings.parseTokenFlag(value);
                    tokens.put(e.getKey(), e.getValue());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        String file = flags.has("auth-file") ? flags.last("auth-file") : a.file();
        String callback = flags.has("auth-callback") ? flags.last("auth-callback") : a.callbackUrl();
        Duration timeout = flags.has("auth-callback-timeout")
                ? GoDuration.parse("auth-callback-timeout", flags.last("auth-callback-timeout")) : a.callbackTimeout();
        if (mode != AuthMode.TOKEN && flags.has("auth-token")) throw new UsageException("-auth-token is for -auth-mode token");
        if (mode != AuthMode.FILE && flags.has("auth-file")) throw new UsageException("-auth-file is for -auth-mode file");
        if (mode != AuthMode.CALLBACK && flags.has("auth-callback")) throw new UsageException("-auth-callback is for -auth-mode callback");
        try {
            return config.withAuth(new AuthSettings(mode, tokens, file, callback, timeout));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-auth-mode " + mode.name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
        }
    }

    private static EngineConfig hooks(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        HookSettings h = config.hooks();
        boolean any = flags.has("hook-script") || flags.has("hook-webhook") || flags.has("hook-stdio-format")
                || flags.has("hook-timeout") || flags.has("hook-concurrency");
        if (!any) return config;
        List<HookSettings.Binding> scripts = flags.has("hook-script") ? bindings("hook-script", flags.all("hook-script")) : h.scripts();
        List<HookSettings.Binding> webhooks = flags.has("hook-webhook") ? bindings("hook-webhook", flags.all("hook-webhook")) : h.webhooks();
        String stdio = flags.has("hook-stdio-format") ? flags.last("hook-stdio-format") : h.stdioFormat();
        Duration timeout = flags.has("hook-timeout") ? GoDuration.parse("hook-timeout", flags.last("hook-timeout")) : h.timeout();
        int concurrency = h.concurrency();
        if (flags.has("hook-concurrency")) {
            String text = flags.last("hook-concurrency");
            try {
                concurrency = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new UsageException("-hook-concurrency: '" + text + "' is not a number");
            }
        }
        for (HookSettings.Binding b : scripts) {
            Path p = Path.of(b.target());
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new UsageException("-hook-script: " + b.target() + " is not an executable file");
            }
        }
        try {
            return config.withHooks(new HookSettings(scripts, webhooks, stdio, timeout, concurrency));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-hook-*: " + e.getMessage());
        }
    }

    private static List<HookSettings.Binding> bindings(String flag, List<String> values) throws UsageException {
        List<HookSettings.Binding> out = new ArrayList<>();
        for (String v : values) {
            try {
                out.add(HookSettings.Binding.parse(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException("-" + flag + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static EngineConfig metrics(FlagParser.Parsed flags, EngineConfig config) throws UsageException {
        if (!flags.has("metrics-addr")) return config;
        try {
            return config.withMetrics(new MetricsSettings(flags.last("metrics-addr")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-metrics-addr: " + e.getMessage());
        }
    }
}
