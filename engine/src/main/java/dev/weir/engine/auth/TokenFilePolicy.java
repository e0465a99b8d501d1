package dev.weir.engine.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@code -auth-mode file}: the token table comes from a JSON file ({@code {"live/stream1": "secret123"}}) and can
 * be reloaded while running (the server does so on SIGHUP). A reload that fails keeps the table in force and
 * says why.
 */
public final class TokenFilePolicy implements AccessPolicy {
    private static final Logger log = LoggerFactory.getLogger(TokenFilePolicy.class);

    private final Path path;
    private volatile TokenTable table;

    private TokenFilePolicy(Path path, TokenTable table) {
        this.path = path;
        this.table = table;
    }

    public static TokenFilePolicy load(Path path) throws AccessConfigException {
        TokenFilePolicy p = new TokenFilePolicy(path, readTable(path));
        log.info("auth file {} loaded: {} stream keys", path, p.table.size());
        return p;
    }

    /**
     * Reads the file again and swaps the table in one step.
     *
     * @return what changed, by stream key
     * @throws AccessConfigException when the file cannot be used; the previous table stays in force
     */
    public synchronized TableChange reload() throws AccessConfigException {
        TokenTable fresh;
        try {
            fresh = readTable(path);
        } catch (AccessConfigException e) {
            log.warn("auth file reload failed, keeping the previous {} stream keys: {}", table.size(), e.getMessage());
            throw e;
        }
        TableChange change = fresh.changesSince(table);
        table = fresh;
        log.info("auth file {} reloaded: {}", path, change);
        return change;
    }

    public Path path() {
        return path;
    }

    public TokenTable table() {
        return table;
    }

    @Override
    public CompletableFuture<AccessDecision> decide(AccessRequest request) {
        return CompletableFuture.completedFuture(decide(table, request));
    }

    @Override
    public String mode() {
        return "file";
    }

    static AccessDecision decide(TokenTable table, AccessRequest request) {
        DenyReason why = table.check(request.streamKey(), request.token());
        return why == null ? AccessDecision.ALLOW : AccessDecision.deny(why, why.description());
    }

    private static TokenTable readTable(Path path) throws AccessConfigException {
        try {
            return TokenTable.of(JsonStringMapFile.read(path, "auth file"));
        } catch (AccessConfigException e) {
            if (e.getMessage().startsWith("auth file")) throw e;
            throw new AccessConfigException("auth file " + path + ": " + e.getMessage(), e);
        }
    }
}
