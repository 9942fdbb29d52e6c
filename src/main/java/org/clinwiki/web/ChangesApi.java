package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.page.RecentEdit;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.title.Namespace;
import org.clinwiki.user.UserService;

/** JSON API for lists of changes: recent changes and a user's contributions. */
final class ChangesApi {

    private final RecentChanges changes;
    private final UserService users;
    private final Auth auth;

    ChangesApi(RecentChanges changes, UserService users, Auth auth) {
        this.changes = changes;
        this.users = users;
        this.auth = auth;
    }

    void recent(Context ctx) {
        int limit = Requests.limit(ctx);
        String namespaceParam = Requests.query(ctx, "namespace");
        Optional<Namespace> namespace = namespaceParam.isBlank() ? Optional.empty()
                : Optional.of(Namespace.ofKey(namespaceParam).orElseThrow(() ->
                        new InvalidInputException("invalid_parameter", "Unknown namespace \"" + namespaceParam + "\".")));
        var filter = new RecentChanges.Filter(Requests.before(ctx), namespace, Requests.flag(ctx, "hideMinor"), limit + 1);
        List<RecentEdit> found = changes.recent(filter, auth.viewer(ctx));
        ctx.json(new ApiJson.ChangesJson(page(found, limit), next(found, limit)));
    }

    void contributions(Context ctx) {
        String name = users.require(ctx.pathParam("name")).name();
        int limit = Requests.limit(ctx);
        List<RecentEdit> found = changes.contributions(name, Requests.before(ctx), limit + 1, auth.viewer(ctx));
        ctx.json(new ApiJson.ContributionsJson(name, page(found, limit), next(found, limit)));
    }

    private static List<ApiJson.ChangeJson> page(List<RecentEdit> found, int limit) {
        return found.subList(0, Math.min(limit, found.size())).stream().map(ApiJson.ChangeJson::of).toList();
    }

    private static Long next(List<RecentEdit> found, int limit) {
        return found.size() > limit ? found.get(limit - 1).revision().id() : null;
    }
}
