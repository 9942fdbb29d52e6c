package org.clinwiki.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.clinwiki.category.CategoryListing;
import org.clinwiki.category.CategorySummary;
import org.clinwiki.diff.DiffHunk;
import org.clinwiki.diff.DiffRow;
import org.clinwiki.diff.DiffSide;
import org.clinwiki.diff.Segment;
import org.clinwiki.page.Author;
import org.clinwiki.page.Backlink;
import org.clinwiki.page.RecentEdit;
import org.clinwiki.page.Revision;
import org.clinwiki.page.RevisionDiff;
import org.clinwiki.title.Title;
import org.clinwiki.audit.AuditEntry;
import org.clinwiki.user.User;

/**
 * The JSON shapes of API v1, as records, and how domain values become them. Titles travel with
 * spaces ({@code "Clinical decision support"}), timestamps as ISO-8601 UTC.
 */
final class ApiJson {

    private ApiJson() {
    }

    record ErrorBody(ErrorDetail error) {
    }

    record ErrorDetail(String code, String message) {
    }

    record ConflictBody(ConflictDetail error) {
    }

    record ConflictDetail(String code, String message, long latestRevisionId, String latestMarkdown, String yourMarkdown) {
    }

    record AuthorJson(String name, String displayName, String credentials) {
        static AuthorJson of(Author author) {
            return new AuthorJson(author.name(), author.displayName(), author.credentials());
        }
    }

    record RevisionJson(long id, Long parentId, AuthorJson author, Instant timestamp, String summary, boolean minor,
                        int size) {
        static RevisionJson of(Revision revision) {
            return new RevisionJson(revision.id(),
                    revision.parentId().isPresent() ? revision.parentId().getAsLong() : null,
                    AuthorJson.of(revision.author()), revision.timestamp(), revision.summary(), revision.minor(),
                    revision.size());
        }
    }

    /** A page; {@code changeSeq} only in the answer to a write (protect, restore): the change number it committed. */
    record PageJson(String title, String namespace, RevisionJson revision, String markdown, String html,
                    List<String> categories, String redirect, String protection, boolean deleted,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long changeSeq) {
    }

    record RevisionDetailJson(String title, long id, Long parentId, AuthorJson author, Instant timestamp,
                              String summary, boolean minor, int size, String sha1, String markdown, String html) {
    }

    /**
     * A save's or revert's answer. {@code changeSeq} is the change number it committed; for an
     * unchanged text, which commits nothing, the latest change number, which includes what the
     * page holds. {@code searchable}: only when the request asked to wait for the search index.
     */
    record SaveJson(String title, String outcome, boolean changed, RevisionJson revision, long changeSeq,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean searchable) {
    }

    record RevisionsJson(String title, List<RevisionJson> revisions, Long next) {
    }

    record TitlesJson(List<String> pages, String next) {
    }

    record BacklinkJson(String title, boolean redirect) {
        static BacklinkJson of(Backlink backlink) {
            return new BacklinkJson(backlink.title().text(), backlink.redirect());
        }
    }

    /** The pages using a template; {@code next} is the title to ask {@code after} for the next page of them. */
    record TransclusionsJson(String title, List<String> transclusions, String next) {
    }

    record BacklinksJson(String title, List<BacklinkJson> backlinks, String next) {
    }

    record ChangeJson(String title, String namespace, RevisionJson revision, int sizeChange, boolean created) {
        static ChangeJson of(RecentEdit change) {
            return new ChangeJson(change.title().text(), change.title().namespace().key(),
                    RevisionJson.of(change.revision()), change.sizeChange(), change.createdPage());
        }
    }

    record ChangesJson(List<ChangeJson> changes, Long next) {
    }

    record CategoryJson(String name, long pages, boolean hasPage) {
        static CategoryJson of(CategorySummary summary) {
            return new CategoryJson(summary.name(), summary.members(), summary.hasPage());
        }
    }

    record CategoriesJson(List<CategoryJson> categories, String next) {
    }

    record CategoryListingJson(String name, String title, boolean exists, List<String> subcategories,
                               List<String> pages, List<String> parents, String next) {
        static CategoryListingJson of(CategoryListing listing, boolean exists) {
            return new CategoryListingJson(listing.name(), "Category:" + listing.name(), exists,
                    texts(listing.subcategories()), texts(listing.pages()), listing.parents(),
                    listing.nextAfter().orElse(null));
        }
    }

    record SegmentJson(String text, boolean changed) {
        static SegmentJson of(Segment segment) {
            return new SegmentJson(segment.text(), segment.changed());
        }
    }

    record SideJson(int line, List<SegmentJson> segments) {
        static SideJson of(DiffSide side) {
            return new SideJson(side.line(), side.segments().stream().map(SegmentJson::of).toList());
        }
    }

    record RowJson(String kind, SideJson old, @JsonProperty("new") SideJson updated) {
        static RowJson of(DiffRow row) {
            return new RowJson(row.kind().name().toLowerCase(Locale.ROOT),
                    row.oldSide().map(SideJson::of).orElse(null), row.newSide().map(SideJson::of).orElse(null));
        }
    }

    record HunkJson(int oldStart, int newStart, List<RowJson> rows) {
        static HunkJson of(DiffHunk hunk) {
            return new HunkJson(hunk.oldStart(), hunk.newStart(), hunk.rows().stream().map(RowJson::of).toList());
        }
    }

    /**
     * {@code truncated}: hunks beyond the first {@value org.clinwiki.diff.LineDiff#MAX_ROWS} rows are left
     * out (the line counts cover everything); {@code simplified}: part of the texts was compared
     * coarsely (blocks of lines, or whole lines instead of words) to keep the work bounded.
     */
    record DiffJson(String title, RevisionJson from, RevisionJson to, int linesAdded, int linesRemoved,
                    List<HunkJson> hunks, boolean truncated, boolean simplified) {
        static DiffJson of(RevisionDiff diff) {
            return new DiffJson(diff.page().title().text(), diff.from().map(RevisionJson::of).orElse(null),
                    RevisionJson.of(diff.to()), diff.diff().linesAdded(), diff.diff().linesRemoved(),
                    diff.diff().hunks().stream().map(HunkJson::of).toList(), diff.diff().truncated(), diff.diff().simplified());
        }
    }

    record UserJson(String name, String displayName, String credentials, String role, String status,
                    BlockJson block) {
        static UserJson of(User user) {
            return new UserJson(user.name(), user.displayName(), user.credentials(), user.role().key(),
                    user.status().key(), user.block().map(b -> new BlockJson(b.reason(), b.since(),
                    b.until().orElse(null), b.blockedBy())).orElse(null));
        }
    }

    record BlockJson(String reason, Instant since, Instant expires, String by) {
    }

    record LoginJson(String token, Instant expires, UserJson user, boolean mustChangePassword) {
    }

    /** Accounts, a page of them; {@code next} is the {@code after} for the following page, absent on the last. */
    record UsersJson(List<UserJson> users, String next) {
    }

    record AuditEntryJson(long id, Instant timestamp, String actor, String action, String target, String address,
                          String reason, String details) {
        static AuditEntryJson of(AuditEntry entry) {
            return new AuditEntryJson(entry.id(), entry.timestamp(), entry.actor(), entry.action(), entry.target(),
                    entry.address(), entry.reason(), entry.details());
        }
    }

    record AuditJson(List<AuditEntryJson> entries, Long next) {
    }

    record HtmlJson(String html) {
    }

    record ContributionsJson(String user, List<ChangeJson> contributions, Long next) {
    }

    static List<String> texts(List<Title> titles) {
        return titles.stream().map(Title::text).toList();
    }
}
