package org.clinwiki;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.clinwiki.category.CategoryService;
import org.clinwiki.file.FileDelivery;
import org.clinwiki.file.FileService;
import org.clinwiki.file.FileShelf;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Gate;
import org.clinwiki.page.PageFeed;
import org.clinwiki.page.PageListener;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageReader;
import org.clinwiki.mediawiki.AuthorMerge;
import org.clinwiki.mediawiki.ImportReport;
import org.clinwiki.mediawiki.MediaWikiImport;
import org.clinwiki.mediawiki.Reconversion;
import org.clinwiki.page.HistoryImport;
import org.clinwiki.page.ImportedRevisions;
import org.clinwiki.page.PageService;
import org.clinwiki.user.ImportedAccounts;
import org.clinwiki.page.UploadRevisions;
import org.clinwiki.page.TemplateTexts;
import org.clinwiki.page.Previews;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.search.SharedVocabulary;
import org.clinwiki.user.Logins;
import org.clinwiki.user.Passwords;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Sessions;
import org.clinwiki.user.Tokens;
import org.clinwiki.user.UserAdministration;
import org.clinwiki.user.UserService;

/**
 * The wiki's services over its database, built by hand in dependency order (database,
 * rendering, accounts, pages), without HTTP or a search index: what every command needs.
 * {@link App} adds those two to serve it. Closing it closes the database.
 */
public final class Wiki implements AutoCloseable {

    // Any constant does: the advisory lock key all nodes take for one-time setup.
    private static final long SETUP_LOCK = 0x436c696e77696b69L;

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final Renderer renderer;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Tokens tokens;
    private final UserService users;
    private final Sessions sessions;
    private final UserAdministration administration;
    private final Logins logins;
    private final PageService pages;
    private final Previews previews;
    private final PageModeration moderation;
    private final PageReader reader;
    private final RecentChanges changes;
    private final CategoryService categories;
    private final FileService files;
    private final FileDelivery delivery;

    /**
     * Builds the services over an open database; {@code listener} hears of every page change
     * after it commits (the search index, when there is one).
     */
    Wiki(Config config, Clock clock, Database database, Renderer renderer, PageListener listener) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.renderer = renderer;
        this.renderCache = new RenderCache(config.renderCacheBytes());
        this.permissions = new Permissions(clock);
        this.tokens = new Tokens();
        Passwords passwords = new Passwords();
        this.users = new UserService(database, passwords, tokens, clock, config.registration(), config.limits());
        this.sessions = new Sessions(database, clock);
        this.administration = new UserAdministration(database, permissions, clock);
        this.logins = new Logins(database, passwords, tokens, clock, config.tokenLifetime(), config.limits());
        users.completeNameSkeletons();
        Gate renders = renderGate();
        this.pages = new PageService(database, renderer, renderCache, permissions, clock, config.maxPageBytes(),
                config.limits().editsPerMinute(), renders, listener);
        FileShelf shelf = new FileShelf(database);
        this.previews = new Previews(database, renderer, permissions, config.maxPageBytes(),
                config.limits().previewsPerMinute(), renders, clock, shelf);
        this.moderation = new PageModeration(database, permissions, clock, listener);
        this.reader = new PageReader(database, renderer, renderCache, config.markedCacheBytes(), permissions, diffGate(),
                renders, shelf);
        UploadRevisions uploads = new UploadRevisions(database, renderer, permissions, clock, pages);
        this.files = new FileService(database, uploads, reader, permissions, config.files(), config.limits().editsPerMinute());
        this.delivery = new FileDelivery(database, reader, config.fileCacheDir());
        this.changes = new RecentChanges(database, permissions);
        this.categories = new CategoryService(database);
    }

    /** Opens the data directory (creating and migrating the database as needed) for a command that does not serve HTTP. */
    public static Wiki open(Config config, Clock clock) {
        Database database = openDatabase(config);
        return new Wiki(config, clock, database, renderer(config, database), () -> { });
    }

    static Database openDatabase(Config config) {
        return Database.open(config.database(), config.dataDir(), config.readConnections());
    }

    /**
     * The renderer every page goes through: Markdown to sanitised HTML, images only from the
     * configured hosts, templates from the wiki's pages.
     */
    static Renderer renderer(Config config, Database database) {
        return new Renderer(new Sanitizer(config.imageHosts()), new TemplateTexts(database));
    }

    /**
     * Diffs of long revisions cost CPU and memory: one at a time per two cores, so another core
     * stays free for page views and saves; a few more may wait, briefly.
     */
    private static Gate diffGate() {
        int permits = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new Gate("Comparing revisions", permits, 8, Duration.ofSeconds(10));
    }

    /**
     * Rendering a long page takes seconds and tens of megabytes: as many at once as there are
     * cores (previews, and revisions viewed for the first time), a few more waiting briefly.
     */
    private static Gate renderGate() {
        return new Gate("Rendering pages", Runtime.getRuntime().availableProcessors(), 32, Duration.ofSeconds(10));
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Renderer renderer() {
        return renderer;
    }

    /** The administrators' synonym list every node of the wiki shares. */
    public SharedVocabulary vocabulary() {
        return new SharedVocabulary(database, clock);
    }

    /** The log of page changes, for rebuilding derived stores such as the search index. */
    public PageFeed pageFeed() {
        return new PageFeed(database);
    }

    public Permissions permissions() {
        return permissions;
    }

    public Tokens tokens() {
        return tokens;
    }

    public UserService users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public UserAdministration administration() {
        return administration;
    }

    public Logins logins() {
        return logins;
    }

    public PageService pages() {
        return pages;
    }

    public Previews previews() {
        return previews;
    }

    public PageModeration moderation() {
        return moderation;
    }

    public PageReader reader() {
        return reader;
    }

    public RecentChanges changes() {
        return changes;
    }

    public FileService files() {
        return files;
    }

    public FileDelivery delivery() {
        return delivery;
    }

    public CategoryService categories() {
        return categories;
    }

    /** A MediaWiki import into this wiki (the command line runs one at a time). */
    public MediaWikiImport mediaWikiImport() {
        HistoryImport history = new HistoryImport(database, renderer, pages, clock);
        return new MediaWikiImport(database, history, new ImportedAccounts(database, clock), files, clock, config.maxPageBytes());
    }

    /** Redoes the Markdown of imported revisions from their wikitext. */
    public Reconversion reconversion() {
        return new Reconversion(database, new ImportedRevisions(database, renderer, clock));
    }

    /** Merges imported authors' accounts into real ones. */
    public AuthorMerge authorMerge() {
        return new AuthorMerge(database, new ImportedAccounts(database, clock), permissions, clock);
    }

    public ImportReport importReport() {
        return new ImportReport(database);
    }

    /**
     * Runs one-time setup (seeding a new wiki) while no other node of this wiki runs setup, so
     * nodes started together on an empty database seed it once: one does, the others wait, then
     * find it done.
     */
    public <R> R duringSetup(Supplier<R> work) {
        return database.exclusively(SETUP_LOCK, work);
    }

    /** Hits and misses of the rendering cache: how often a view was served without rendering. */
    public CacheStats renderStats() {
        return renderCache.stats();
    }

    @Override
    public void close() {
        database.close();
    }
}
