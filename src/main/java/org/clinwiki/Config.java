package org.clinwiki;

import java.nio.file.Path;
import java.time.Duration;
import org.clinwiki.user.RegistrationMode;

/**
 * Every setting, with its default in {@link #defaults()}. Built once by the command line.
 *
 * @param host             address to listen on
 * @param port             HTTP port; 0 picks a free one (tests)
 * @param dataDir          holds the database and the search index
 * @param maxPageBytes     largest page text accepted, in UTF-8 bytes
 * @param cacheBytes       memory for caches of rendered pages and page views, shared as {@link #renderCacheBytes()}
 *                         and its siblings say; by default a third of the heap, so a smaller heap keeps its
 *                         caches in proportion
 * @param readConnections  size of the read-only connection pool
 * @param tokenLifetime    how long a login token stays valid
 * @param registration     who may create accounts through the site
 * @param limits           how fast logins may fail and edits may come
 */
public record Config(String host, int port, Path dataDir, long maxPageBytes, long cacheBytes,
                     int readConnections, Duration tokenLifetime, RegistrationMode registration, Limits limits) {

    /**
     * Throttling. Failed logins: at most {@code loginFailuresPerAccount} for one account name and
     * {@code loginFailuresPerAddress} from one address per {@code loginWindow}; further attempts
     * answer 429 until the window lets more through. Saves and reverts: {@code editsPerMinute}
     * per user, with bursts of as many.
     */
    public record Limits(int loginFailuresPerAccount, int loginFailuresPerAddress, Duration loginWindow, int editsPerMinute) {

        public static Limits defaults() {
            return new Limits(5, 30, Duration.ofMinutes(15), 30);
        }
    }

    public static final long MIB = 1024 * 1024;

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, Path.of("data"), 2 * MIB, Runtime.getRuntime().maxMemory() / 3, 4,
                Duration.ofDays(30), RegistrationMode.APPROVAL, Limits.defaults());
    }

    /** Rendered revisions (the HTML before red links are marked): two fifths of the cache memory. */
    public long renderCacheBytes() {
        return cacheBytes * 2 / 5;
    }

    /** Rendered revisions with red links marked: one fifth. */
    public long markedCacheBytes() {
        return cacheBytes / 5;
    }

    /** Whole anonymous page views, as sent: two fifths. */
    public long viewCacheBytes() {
        return cacheBytes * 2 / 5;
    }

    public Config withHost(String newHost) {
        return new Config(newHost, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits);
    }

    public Config withDataDir(Path newDataDir) {
        return new Config(host, port, newDataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits);
    }

    public Config withLimits(Limits newLimits) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration,
                newLimits);
    }

    public Config withRegistration(RegistrationMode mode) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, mode, limits);
    }
}
