package org.clinwiki.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import java.util.List;
import org.clinwiki.category.CategoryService;
import org.clinwiki.cluster.Health;
import org.clinwiki.cluster.TrustedProxies;
import org.clinwiki.file.FileDelivery;
import org.clinwiki.file.FileService;
import org.clinwiki.mediawiki.ImportReport;
import org.clinwiki.file.FileTooLargeException;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.PageService;
import org.clinwiki.page.Previews;
import org.clinwiki.search.SearchService;
import org.clinwiki.user.Logins;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.PermissionDeniedException;
import org.clinwiki.user.Tokens;
import org.clinwiki.user.Sessions;
import org.clinwiki.user.UserAdministration;
import org.clinwiki.user.UserService;

/**
 * The HTTP server: Javalin configuration, security headers, CSRF checks, and the one routes
 * table. HTML for people lives under {@code /}, JSON for programs under {@code /api/v1}.
 * Titles may contain slashes, so title routes use {@code <title>} and the more specific
 * routes come first.
 */
public final class WebServer {

    // A page is at most 2 MiB of text; JSON escaping can grow that several times over.
    private static final long MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    /** Slower request bodies are given up (408): even a poor mobile link sends far more. */
    private static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    private static final int BODIES_PER_ADDRESS = 8;
    private static final int BODIES_AT_ONCE = 64;

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** The services the web layer maps HTTP onto. */
    public record Services(UserService users, Sessions sessions, UserAdministration administration, Logins logins, PageService pages, Previews previews, PageModeration moderation, PageReader reader,
                           RecentChanges changes,
                           CategoryService categories, SearchService search, Permissions permissions,
                           Tokens tokens, FileService files, FileDelivery delivery, ImportReport importReport,
                           Health health) {
    }

    /**
     * Where to listen, which other sites pages may show images from, memory for whole anonymous
     * page views, and whose X-Forwarded-For to believe.
     */
    public record Settings(String host, int port, List<String> imageHosts, long viewCacheBytes, long maxFileBytes,
                           TrustedProxies trustedProxies) {
    }

    /** Room for a multipart upload's headers and other fields beside the file itself. */
    private static final long UPLOAD_OVERHEAD_BYTES = 64 * 1024;

    public static WebServer start(Settings config, Templates templates, Services services) {
        ClientAddress addresses = new ClientAddress(config.trustedProxies());
        Auth auth = new Auth(services.sessions(), addresses);
        Csrf csrf = new Csrf(services.tokens(), auth);
        BodyGate bodies = new BodyGate(BODIES_PER_ADDRESS, BODIES_AT_ONCE, addresses);
        HealthApi healthApi = new HealthApi(services.health());
        String contentSecurityPolicy = contentSecurityPolicy(config.imageHosts());
        Assets assets = new Assets();
        Layout layout = new Layout(templates, auth, csrf, assets);
        PageApi pageApi = new PageApi(services.pages(), services.previews(), services.moderation(), services.reader(), services.search(), auth);
        CategoryApi categoryApi = new CategoryApi(services.categories(), services.reader(), auth);
        ChangesApi changesApi = new ChangesApi(services.changes(), services.users(), auth);
        AccountApi accountApi = new AccountApi(services.users(), services.sessions(), services.logins(), auth);
        AdminApi adminApi = new AdminApi(services.administration(), auth);
        FileViews fileViews = new FileViews(services.files(), services.delivery(), services.reader(), services.permissions(), layout, auth,
                config.maxFileBytes());
        FileApi fileApi = new FileApi(services.files(), services.moderation(), services.reader(), auth);
        PageViews pageViews = new PageViews(services.reader(), services.categories(), services.permissions(), layout, auth,
                config.viewCacheBytes(), fileViews);
        EditViews editViews = new EditViews(services.pages(), services.previews(), services.reader(), services.permissions(), layout, auth);
        SessionViews sessionViews = new SessionViews(services.users(), services.logins(), layout, auth, csrf);
        AccountViews accountViews = new AccountViews(services.logins(), layout, auth);
        SpecialViews specialViews = new SpecialViews(services.changes(), services.reader(), services.categories(),
                services.users(), services.administration(), layout, auth);
        SearchViews searchViews = new SearchViews(services.search(), services.reader(), layout, auth);
        SearchApi searchApi = new SearchApi(services.search());
        AdminViews adminViews = new AdminViews(services.moderation(), services.reader(), services.users(), services.administration(), services.permissions(),
                layout, auth);
        ImportReportViews importReportViews = new ImportReportViews(services.importReport(), layout, auth);
        Errors errors = new Errors(layout);

        Javalin javalin = Javalin.create(server -> {
            server.startup.showJavalinBanner = false;
            server.startup.showOldJavalinVersionWarning = false;
            server.http.maxRequestSize = Math.max(MAX_REQUEST_BYTES, config.maxFileBytes() + UPLOAD_OVERHEAD_BYTES);
            server.http.defaultContentType = "application/json";
            server.jsonMapper(new JavalinJackson(objectMapper(), false));
            server.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JettyErrors());
                jetty.insertHandler(new MinimumDataRateHandler(MIN_REQUEST_BYTES_PER_SECOND, 0));
            });
            var routes = server.routes;
            routes.before(ctx -> securityHeaders(ctx, contentSecurityPolicy));
            routes.before(ctx -> checkUploadBody(ctx, config.maxFileBytes()));
            routes.before(bodies::read);
            routes.before(ctx -> checkForgery(ctx, csrf, auth));

            // For load balancers: no session, no cookies, never cached (no-store, as every answer by default).
            get(routes, "/health", healthApi::health);
            get(routes, "/health/live", healthApi::live);
            get(routes, "/", pageViews::home);
            get(routes, "/static/{file}", assets::serve);
            get(routes, "/favicon.ico", assets::favicon);
            get(routes, "/wiki/<title>/history", pageViews::history);
            get(routes, "/wiki/<title>/diff", pageViews::diff);
            get(routes, "/wiki/<title>/edit", editViews::edit);
            routes.post("/wiki/<title>/edit", editViews::save);
            get(routes, "/wiki/<title>/revert", editViews::confirmRevert);
            routes.post("/wiki/<title>/revert", editViews::revert);
            get(routes, "/wiki/<title>", pageViews::show);
            get(routes, "/search", searchViews::search);
            get(routes, "/login", sessionViews::form);
            routes.post("/login", sessionViews::login);
            routes.post("/logout", sessionViews::logout);
            get(routes, "/register", sessionViews::registerForm);
            routes.post("/register", sessionViews::register);
            get(routes, "/special/change-password", accountViews::passwordForm);
            routes.post("/special/change-password", accountViews::changePassword);
            get(routes, "/special/recent-changes", specialViews::recentChanges);
            get(routes, "/special/all-pages", specialViews::allPages);
            get(routes, "/special/categories", specialViews::categories);
            get(routes, "/special/wanted-pages", specialViews::wantedPages);
            get(routes, "/special/orphaned-pages", specialViews::orphanedPages);
            get(routes, "/special/random", specialViews::random);
            get(routes, "/special/contributions/{name}", specialViews::contributions);
            get(routes, "/special/audit", specialViews::audit);
            get(routes, "/special/import-report", importReportViews::report);
            get(routes, "/special/upload", fileViews::uploadForm);
            routes.post("/special/upload", fileViews::upload);
            routes.post("/special/upload/revert", fileViews::revert);
            get(routes, "/files/<name>", fileViews::serve);
            get(routes, "/special/page-admin", adminViews::pageForm);
            routes.post("/special/page-admin/protect", adminViews::protect);
            routes.post("/special/page-admin/delete", adminViews::delete);
            routes.post("/special/page-admin/restore", adminViews::restore);
            get(routes, "/special/user-admin/{name}", adminViews::userForm);
            routes.post("/special/user-admin/{name}/role", adminViews::changeRole);
            routes.post("/special/user-admin/{name}/block", adminViews::block);
            routes.post("/special/user-admin/{name}/unblock", adminViews::unblock);
            get(routes, "/special/pending-accounts", adminViews::pendingAccounts);
            routes.post("/special/pending-accounts/{name}/approve", adminViews::approve);

            routes.post("/api/v1/login", accountApi::login);
            routes.post("/api/v1/logout", accountApi::logout);
            routes.post("/api/v1/register", accountApi::register);
            get(routes, "/api/v1/me", accountApi::me);
            routes.put("/api/v1/me/password", accountApi::changePassword);
            get(routes, "/api/v1/me/sessions", accountApi::sessions);
            routes.delete("/api/v1/me/sessions/{id}", accountApi::revokeSession);

            get(routes, "/api/v1/pages", pageApi::list);
            get(routes, "/api/v1/pages/<title>/revisions/{id}", pageApi::revision);
            get(routes, "/api/v1/pages/<title>/revisions", pageApi::revisions);
            get(routes, "/api/v1/pages/<title>/diff", pageApi::diff);
            routes.post("/api/v1/pages/<title>/revert", pageApi::revert);
            get(routes, "/api/v1/pages/<title>/backlinks", pageApi::backlinks);
            get(routes, "/api/v1/pages/<title>/transclusions", pageApi::transclusions);
            routes.post("/api/v1/pages/<title>/protection", pageApi::protect);
            routes.post("/api/v1/pages/<title>/restore", pageApi::restore);
            get(routes, "/api/v1/pages/<title>", pageApi::get);
            routes.put("/api/v1/pages/<title>", pageApi::save);
            routes.delete("/api/v1/pages/<title>", pageApi::delete);
            routes.post("/api/v1/preview", pageApi::preview);

            routes.post("/api/v1/files", fileApi::upload);
            routes.post("/api/v1/files/<name>/revert", fileApi::revert);
            routes.post("/api/v1/files/<name>/restore", fileApi::restore);
            get(routes, "/api/v1/files/<name>", fileApi::show);
            routes.delete("/api/v1/files/<name>", fileApi::delete);

            get(routes, "/api/v1/categories", categoryApi::list);
            get(routes, "/api/v1/categories/<name>", categoryApi::show);
            get(routes, "/api/v1/recent-changes", changesApi::recent);
            get(routes, "/api/v1/search", searchApi::search);
            get(routes, "/api/v1/search/suggest", searchApi::suggest);

            get(routes, "/api/v1/users", adminApi::pending);
            get(routes, "/api/v1/users/{name}", accountApi::profile);
            get(routes, "/api/v1/users/{name}/contributions", changesApi::contributions);
            routes.put("/api/v1/users/{name}/role", adminApi::changeRole);
            routes.post("/api/v1/users/{name}/block", adminApi::block);
            routes.delete("/api/v1/users/{name}/block", adminApi::unblock);
            routes.post("/api/v1/users/{name}/approve", adminApi::approve);
            get(routes, "/api/v1/audit", adminApi::audit);

            errors.registerOn(routes);
        });
        javalin.start(config.host(), config.port());
        return new WebServer(javalin);
    }

    /**
     * Registers {@code handler} for GET and HEAD. Left alone, Javalin answers a HEAD for a GET
     * route with an empty 200 without running the handler: a missing page said 200, and no
     * response carried its type, ETag or caching rules. Jetty sends no body for HEAD.
     */
    private static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
    }

    /**
     * An upload that says it is larger than a file may be is refused before its body is read:
     * nothing of it is stored, not even in memory. One that does not say is cut off at the
     * request limit while it is read. Only uploads may be multipart.
     */
    private static void checkUploadBody(Context ctx, long maxFileBytes) {
        boolean upload = ctx.method() == HandlerType.POST
                && (ctx.path().equals("/api/v1/files") || ctx.path().equals("/special/upload"));
        if (upload && ctx.contentLength() > maxFileBytes + UPLOAD_OVERHEAD_BYTES) {
            ctx.header("Connection", "close");
            throw FileTooLargeException.file(ctx.contentLength(), maxFileBytes);
        }
        // Other forms read their fields as URL-encoded; a multipart body there would be read twice.
        if (!upload && MultipartForm.isMultipart(ctx)) {
            throw new MultipartForm.NotAnUploadException("Only uploads are sent as multipart/form-data; send this form URL-encoded.");
        }
    }

    /**
     * Forms must carry the CSRF token; API writes authenticated by the browser's session cookie
     * (rather than a bearer token, which other sites cannot send) must come from this site.
     */
    private static void checkForgery(Context ctx, Csrf csrf, Auth auth) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return;
        }
        if (!Errors.isApi(ctx)) {
            csrf.checkForm(ctx);
        } else if (ctx.cookie(Auth.SESSION_COOKIE) != null && auth.bearerToken(ctx).isEmpty() && !csrf.hasOwnOrigin(ctx)) {
            throw new PermissionDeniedException("csrf", "Browser requests to the API must come from this site.");
        }
    }

    /**
     * Images only from this site and the hosts the operator named ({@code --image-hosts}), so no
     * editor can make readers' browsers report to a site of theirs.
     */
    static String contentSecurityPolicy(List<String> imageHosts) {
        StringBuilder images = new StringBuilder("'self'");
        imageHosts.forEach(host -> images.append(" https://").append(host));
        return "default-src 'self'; img-src " + images + "; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * Security headers for every answer. Nothing is stored by caches unless its handler says
     * otherwise (anonymous page views, static files): answers may carry a token, a form's CSRF
     * token or administrators' data.
     */
    private static void securityHeaders(Context ctx, String contentSecurityPolicy) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
