package org.clinwiki;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import org.clinwiki.category.CategoryService;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Gate;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.page.PageFeed;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.page.PageListener;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.PageService;
import org.clinwiki.page.Previews;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.search.SearchIndex;
import org.clinwiki.search.SearchService;
import org.clinwiki.user.Logins;
import org.clinwiki.user.Passwords;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Tokens;
import org.clinwiki.user.UserService;
import org.clinwiki.web.Templates;
import org.clinwiki.web.WebServer;

/**
 * The composition root: the one place that builds every component, by hand, in dependency
 * order (config, database, rendering, users, pages, search, web), and closes them in reverse.
 *
 * <p>{@link #open} builds what the command line needs; {@link #serve} adds the search index
 * (which one process at a time may hold) and HTTP. Saves wake the index through the page
 * listener once it is open.
 */
public final class App implements AutoCloseable {

    private final Config config;
    private final Database database;
    private final UserService users;
    private final Logins logins;
    private final PageService pages;
    private final Previews previews;
    private final PageModeration moderation;
    private final PageReader reader;
    private final RecentChanges changes;
    private final CategoryService categories;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Tokens tokens;
    private final Renderer renderer;
    private final IndexTrigger indexTrigger;
    private SearchIndex searchIndex;
    private SearchService search;
    private WebServer web;

    private App(Config config, Database database, UserService users, Logins logins, PageService pages, Previews previews,
                PageModeration moderation, PageReader reader, RecentChanges changes, CategoryService categories, RenderCache renderCache, Permissions permissions,
                Tokens tokens, Renderer renderer, IndexTrigger indexTrigger) {
        this.config = config;
        this.database = database;
        this.users = users;
        this.logins = logins;
        this.pages = pages;
        this.previews = previews;
        this.moderation = moderation;
        this.reader = reader;
        this.changes = changes;
        this.categories = categories;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.tokens = tokens;
        this.renderer = renderer;
        this.indexTrigger = indexTrigger;
    }

    /** Wakes the search index after page changes, once there is one to wake. */
    private static final class IndexTrigger implements PageListener {
        private volatile SearchIndex index;

        @Override
        public void pagesChanged() {
            SearchIndex current = index;
            if (current != null) {
                current.requestCatchUp();
            }
        }

        @Override
        public void revisionSaved(PageSnapshot change, ParsedPage parsed) {
            SearchIndex current = index;
            if (current != null) {
                current.revisionSaved(change, parsed);
            }
        }
    }

    /** Opens the data directory and builds the services, without serving HTTP (for the command line). */
    public static App open(Config config) {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.dataDir(), config.readConnections());
        Renderer renderer = new Renderer(new Sanitizer(config.imageHosts()));
        RenderCache renderCache = new RenderCache(config.renderCacheBytes());
        Permissions permissions = new Permissions(clock);
        Tokens tokens = new Tokens();
        Passwords passwords = new Passwords();
        UserService users = new UserService(database, passwords, tokens, permissions, clock, config.registration(),
                config.limits());
        Logins logins = new Logins(database, passwords, tokens, clock, config.tokenLifetime(), config.limits());
        users.completeNameSkeletons();
        IndexTrigger indexTrigger = new IndexTrigger();
        Gate renders = renderGate();
        PageService pages = new PageService(database, renderer, renderCache, permissions, clock,
                config.maxPageBytes(), config.limits().editsPerMinute(), renders, indexTrigger);
        Previews previews = new Previews(database, renderer, permissions, config.maxPageBytes(),
                config.limits().previewsPerMinute(), renders);
        PageModeration moderation = new PageModeration(database, permissions, clock, indexTrigger);
        PageReader reader = new PageReader(database, renderer, renderCache, config.markedCacheBytes(), permissions,
                diffGate(), renders);
        RecentChanges changes = new RecentChanges(database, permissions);
        CategoryService categories = new CategoryService(database);
        return new App(config, database, users, logins, pages, previews, moderation, reader, changes, categories, renderCache, permissions, tokens,
                renderer, indexTrigger);
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

    /** Opens the search index (catching up in the background) and starts the HTTP server on the configured host and port. */
    public App serve() {
        searchIndex = SearchIndex.open(config.dataDir(), new PageFeed(database), renderer).start();
        indexTrigger.index = searchIndex;
        search = new SearchService(searchIndex, new Sanitizer());
        web = WebServer.start(new WebServer.Settings(config.host(), config.port(), config.imageHosts(), config.viewCacheBytes()),
                new Templates(),
                new WebServer.Services(users, logins, pages, previews, moderation, reader, changes, categories, search, permissions, tokens));
        return this;
    }

    /** The search index; present once {@link #serve} has run. */
    public SearchIndex searchIndex() {
        return searchIndex;
    }

    public SearchService search() {
        return search;
    }

    /** The page change log, for rebuilding derived stores such as the search index. */
    public PageFeed pageFeed() {
        return new PageFeed(database);
    }

    public Renderer renderer() {
        return renderer;
    }

    /** The port HTTP is served on (useful when the configured port was 0). */
    public int port() {
        return web.port();
    }

    public Config config() {
        return config;
    }

    public UserService users() {
        return users;
    }

    public Logins logins() {
        return logins;
    }

    public PageService pages() {
        return pages;
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

    public CategoryService categories() {
        return categories;
    }

    /** Hits and misses of the rendering cache: how often a view was served without rendering. */
    public CacheStats renderStats() {
        return renderCache.stats();
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop();
        }
        indexTrigger.index = null;
        if (searchIndex != null) {
            searchIndex.close();
        }
        database.close();
    }
}
