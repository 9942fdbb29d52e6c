package org.clinwiki;

import java.time.Clock;
import org.clinwiki.cluster.Health;
import org.clinwiki.cluster.TrustedProxies;
import org.clinwiki.db.Database;
import org.clinwiki.page.PageFeed;
import org.clinwiki.page.PageListener;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.page.TemplateRefresh;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.search.SearchIndex;
import org.clinwiki.search.SearchService;
import org.clinwiki.search.SharedVocabulary;
import org.clinwiki.web.Templates;
import org.clinwiki.web.WebServer;

/**
 * The composition root of the running server: builds the {@link Wiki}'s services, the search
 * index that follows their changes, and the HTTP server, by hand and in dependency order, all
 * in the constructor; closes them in reverse. Once constructed it is serving.
 */
public final class App implements AutoCloseable {

    private final Wiki wiki;
    private final SearchIndex searchIndex;
    private final TemplateRefresh templateRefresh;
    private final AutoCloseable changeListener;
    private final WebServer web;

    /**
     * Opens the data directory, catches the search index up in the background and serves HTTP on
     * the configured host and port.
     *
     * @throws org.clinwiki.search.SearchIndexLockedException if another process serves this data directory
     */
    public App(Config config, Clock clock) {
        Database database = Wiki.openDatabase(config);
        SearchIndex index = null;
        TemplateRefresh refresh = null;
        Wiki opened = null;
        AutoCloseable listener = null;
        try {
            Renderer renderer = Wiki.renderer(config, database);
            PageFeed feed = new PageFeed(database);
            index = SearchIndex.open(config.dataDir(), feed, renderer, new SharedVocabulary(database, clock));
            refresh = new TemplateRefresh(database, renderer, index);
            opened = new Wiki(config, clock, database, renderer, afterChanges(index, refresh));
            index.start();
            refresh.start();
            // Other nodes' changes wake the index at once; without a database to listen to it polls.
            listener = database.listenForChanges(index::requestCatchUp);
            SearchService search = new SearchService(index, new Sanitizer());
            // One query for the latest change: the database answers, and how far behind this node's index is.
            Health health = new Health(feed::latest, index::searchableSeq, Health.buildVersion(), Health.DEADLINE);
            this.web = WebServer.start(
                    new WebServer.Settings(config.host(), config.port(), config.imageHosts(), config.viewCacheBytes(),
                            config.files().maxFileBytes(), TrustedProxies.parse(config.trustedProxies())),
                    new Templates(), services(opened, search, health));
        } catch (RuntimeException e) {
            closeQuietly(listener);
            if (refresh != null) {
                refresh.close();
            }
            if (index != null) {
                index.close();
            }
            database.close();
            throw e;
        }
        this.wiki = opened;
        this.searchIndex = index;
        this.templateRefresh = refresh;
        this.changeListener = listener;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Stopping; the listener's thread is a daemon and ends with the process.
        }
    }

    /** After each change the search index catches up, and the pages using a changed template are refreshed. */
    private static PageListener afterChanges(SearchIndex index, TemplateRefresh refresh) {
        return new PageListener() {
            @Override
            public void pagesChanged() {
                index.pagesChanged();
                refresh.wake();
            }

            @Override
            public void revisionSaved(PageSnapshot change, ParsedPage parsed) {
                index.revisionSaved(change, parsed);
                refresh.wake();
            }
        };
    }

    private static WebServer.Services services(Wiki wiki, SearchService search, Health health) {
        return new WebServer.Services(wiki.users(), wiki.sessions(), wiki.administration(), wiki.logins(), wiki.pages(),
                wiki.previews(), wiki.moderation(), wiki.reader(), wiki.changes(), wiki.categories(), search,
                wiki.permissions(), wiki.tokens(), wiki.files(), wiki.delivery(), wiki.importReport(), health);
    }

    /** The services behind the pages and the API. */
    public Wiki wiki() {
        return wiki;
    }

    /** The search index, for waiting until what was saved is searchable. */
    public SearchIndex searchIndex() {
        return searchIndex;
    }

    /** The background refresh of pages whose templates changed. */
    public TemplateRefresh templateRefresh() {
        return templateRefresh;
    }

    /** The port HTTP is served on (the one the system chose when the configured port was 0). */
    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        web.stop();
        closeQuietly(changeListener);
        templateRefresh.close();
        searchIndex.close();
        wiki.close();
    }
}
