package org.clinwiki.category;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.db.Prefix;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/** Browsing categories: the list of them, and what one holds. Read-only; thread-safe. */
public final class CategoryService {

    private final Database database;

    public CategoryService(Database database) {
        this.database = database;
    }

    public List<CategorySummary> list(String prefix, String after, int limit) {
        Prefix range = Prefix.of(prefix);
        return database.read(CategoryStore.class,
                store -> store.list(range.from(), range.until(), after, limit));
    }

    /** The members of category {@code name} (the name without the prefix), pages after {@code after}. */
    public CategoryListing listing(String name, String after, int limit) {
        return database.read(CategoryStore.class, store -> {
            List<Title> subcategories = new ArrayList<>();
            List<Title> pages = new ArrayList<>();
            List<CategoryStore.MemberRow> rows = store.members(name, after, limit + 1);
            for (CategoryStore.MemberRow row : rows.subList(0, Math.min(limit, rows.size()))) {
                Title title = new Title(Namespace.ofKey(row.namespace()).orElseThrow(), row.name());
                (title.isCategory() ? subcategories : pages).add(title);
            }
            Optional<String> next = rows.size() > limit ? Optional.of(rows.get(limit - 1).name()) : Optional.empty();
            List<String> parents = store.categoriesOf(Namespace.CATEGORY.key(), name);
            return new CategoryListing(name, subcategories, pages, parents, next);
        });
    }
}
