package org.clinwiki;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import org.clinwiki.category.CategoryService;
import org.clinwiki.db.Database;
import org.clinwiki.page.ChangeLog;
import org.clinwiki.page.PageListener;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.PageService;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.user.Passwords;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Tokens;
import org.clinwiki.user.UserService;
import org.clinwiki.web.Templates;
import org.clinwiki.web.WebServer;

/**
 * The composition root: the one place that builds every component, by hand, in dependency
 * order (config, database, rendering, users, pages, web), and closes them in reverse.
 */
public final class App implements AutoCloseable {

    private final Config config;
    private final Database database;
    private final UserService users;
    private final PageService pages;
    private final PageReader reader;
    private final ChangeLog changes;
    private final CategoryService categories;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Tokens tokens;
    private WebServer web;

    private App(Config config, Database database, UserService users, PageService pages, PageReader reader,
                ChangeLog changes, CategoryService categories, RenderCache renderCache, Permissions permissions,
                Tokens tokens) {
        this.config = config;
        this.database = database;
        this.users = users;
        this.pages = pages;
        this.reader = reader;
        this.changes = changes;
        this.categories = categories;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.tokens = tokens;
    }

    /** Opens the data directory and builds the services, without serving HTTP (for the command line). */
    public static App open(Config config) {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.dataDir(), config.readConnections());
        Renderer renderer = new Renderer(new Sanitizer());
        RenderCache renderCache = new RenderCache(config.renderCacheBytes());
        Permissions permissions = new Permissions(clock);
        Tokens tokens = new Tokens();
        UserService users = new UserService(database, new Passwords(), tokens, permissions, clock,
                config.tokenLifetime(), config.registration());
        PageService pages = new PageService(database, renderer, renderCache, permissions, clock,
                config.maxPageBytes(), PageListener.NONE);
        PageReader reader = new PageReader(database, renderer, renderCache, permissions);
        ChangeLog changes = new ChangeLog(database, permissions);
        CategoryService categories = new CategoryService(database);
        return new App(config, database, users, pages, reader, changes, categories, renderCache, permissions, tokens);
    }

    /** Starts the HTTP server on the configured host and port. */
    public App serve() {
        web = WebServer.start(config, new Templates(),
                new WebServer.Services(users, pages, reader, changes, categories, permissions, tokens));
        return this;
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

    public PageService pages() {
        return pages;
    }

    public PageReader reader() {
        return reader;
    }

    public ChangeLog changes() {
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
        database.close();
    }
}
