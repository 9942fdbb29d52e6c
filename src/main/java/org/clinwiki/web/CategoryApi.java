package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.List;
import org.clinwiki.category.CategoryListing;
import org.clinwiki.category.CategoryService;
import org.clinwiki.category.CategorySummary;
import org.clinwiki.page.PageReader;
import org.clinwiki.title.Title;

/** JSON API for categories: the list, and one category's subcategories and pages. */
final class CategoryApi {

    private final CategoryService categories;
    private final PageReader reader;
    private final Auth auth;

    CategoryApi(CategoryService categories, PageReader reader, Auth auth) {
        this.categories = categories;
        this.reader = reader;
        this.auth = auth;
    }

    void list(Context ctx) {
        int limit = Requests.limit(ctx);
        String prefix = Requests.query(ctx, "prefix").replace('_', ' ');
        String after = Requests.query(ctx, "after").replace('_', ' ');
        List<CategorySummary> found = categories.list(prefix, after, limit + 1);
        String next = found.size() > limit ? found.get(limit - 1).name() : null;
        ctx.json(new ApiJson.CategoriesJson(
                found.subList(0, Math.min(limit, found.size())).stream().map(ApiJson.CategoryJson::of).toList(), next));
    }

    void show(Context ctx) {
        Title title = Title.parse("Category:" + ctx.pathParam("name"));
        String afterText = Requests.query(ctx, "after");
        String after = afterText.isBlank() ? "" : Title.parse(afterText).name();
        CategoryListing listing = categories.listing(title.name(), after, Requests.limit(ctx));
        boolean exists = reader.find(title, auth.viewer(ctx)).isPresent();
        ctx.json(ApiJson.CategoryListingJson.of(listing, exists));
    }
}
