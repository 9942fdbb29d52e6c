package org.clinwiki;

import java.nio.file.Path;
import org.clinwiki.file.FileLimits;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.clinwiki.limit.Limits;
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
 * @param limits           how fast logins may fail and edits, previews and registrations may come
 * @param imageHosts       other sites pages may show images from (host names); images from anywhere else are shown
 *                         as links, so no editor can make readers' browsers call a site that records them
 * @param files            how large an upload and all stored files may be, and which types beyond the built-in ones
 * @param database         where the wiki's database is: empty for SQLite in the data directory, else a PostgreSQL URL
 * @param trustedProxies   addresses (or CIDR ranges) of load balancers whose X-Forwarded-For is believed
 */
public record Config(String host, int port, Path dataDir, long maxPageBytes, long cacheBytes,
                     int readConnections, Duration tokenLifetime, RegistrationMode registration, Limits limits,
                     List<String> imageHosts, FileLimits files, String database, List<String> trustedProxies) {

    /** A host name, optionally with a port: nothing that could end or extend the Content-Security-Policy it goes into. */
    private static final Pattern IMAGE_HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

    public Config {
        imageHosts = List.copyOf(imageHosts);
        trustedProxies = List.copyOf(trustedProxies);
        database = database == null ? "" : database.strip();
        for (String imageHost : imageHosts) {
            if (!isImageHost(imageHost)) {
                throw new IllegalArgumentException("Not a host name: \"" + imageHost + "\"");
            }
        }
    }

    /** Whether {@code host} is a lower-case host name (with an optional port) that images may come from. */
    public static boolean isImageHost(String host) {
        return host != null && host.length() <= 253 && IMAGE_HOST.matcher(host).matches();
    }

    public static final long MIB = 1024 * 1024;

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, Path.of("data"), 2 * MIB, Runtime.getRuntime().maxMemory() / 3, 4,
                Duration.ofDays(30), RegistrationMode.APPROVAL, Limits.defaults(), List.of(), FileLimits.defaults(),
                "", List.of());
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
        return new Config(newHost, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, files, database, trustedProxies);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, files, database, trustedProxies);
    }

    public Config withDataDir(Path newDataDir) {
        return new Config(host, port, newDataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, files, database, trustedProxies);
    }

    public Config withLimits(Limits newLimits) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration,
                newLimits, imageHosts, files, database, trustedProxies);
    }

    public Config withRegistration(RegistrationMode mode) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, mode, limits,
                imageHosts, files, database, trustedProxies);
    }

    public Config withImageHosts(List<String> hosts) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                hosts, files, database, trustedProxies);
    }

    public Config withFiles(FileLimits newFiles) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, newFiles, database, trustedProxies);
    }

    public Config withDatabase(String newDatabase) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, files, newDatabase, trustedProxies);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, maxPageBytes, cacheBytes, readConnections, tokenLifetime, registration, limits,
                imageHosts, files, database, proxies);
    }

    /** Whether the wiki lives in the embedded SQLite database of its data directory (the default). */
    public boolean embeddedDatabase() {
        return database.isEmpty();
    }

    /** Where thumbnails and copies of files' bytes are kept: a cache, rebuilt from the database on demand. */
    public Path fileCacheDir() {
        return dataDir.resolve("file-cache");
    }
}
