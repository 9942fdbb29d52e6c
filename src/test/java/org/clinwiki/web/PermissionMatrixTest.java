package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint against every kind of caller: anonymous, reader, editor, blocked
 * editor, admin. Allowed calls succeed; refused ones answer the right status and code and
 * change nothing (the target's state is compared before and after). Each cell gets fresh
 * targets, so an allowed call cannot spoil the next cell.
 */
class PermissionMatrixTest extends WikiTestCase {

    enum Caller { ANONYMOUS, READER, EDITOR, BLOCKED, ADMIN }

    /** One write: who may do it, how to set up a fresh target, how to call it, and what it may change. */
    record Action(String name, Role minimum, Function<Integer, String> prepare, BiFunction<String, String, Response> call,
                  Function<String, String> state) {
    }

    private final AtomicInteger cells = new AtomicInteger();
    private String admin;
    private final java.util.Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);

    @BeforeAll
    void callers() {
        admin = wiki.login("root", Role.ADMIN);
        tokens.put(Caller.ANONYMOUS, "");
        tokens.put(Caller.READER, wiki.login("rita", Role.READER));
        tokens.put(Caller.EDITOR, wiki.login("eddie", Role.EDITOR));
        tokens.put(Caller.BLOCKED, wiki.login("vandal", Role.EDITOR));
        tokens.put(Caller.ADMIN, admin);
        assertThat(wiki.post("/api/v1/users/vandal/block", admin, json("reason", "spam links")).status()).isIn(200, 204);
    }

    private String page(int cell) {
        String title = "Matrix_page_" + cell;
        wiki.save(title, "Original text " + cell + ".", admin);
        wiki.save(title, "Second text " + cell + ".", admin);
        return title;
    }

    private String pageState(String title) {
        return wiki.get("/api/v1/pages/" + title, admin).body();
    }

    private String user(int cell) {
        String name = "target" + cell;
        wiki.login(name, Role.EDITOR);
        return name;
    }

    private String userState(String name) {
        return wiki.get("/api/v1/users/" + name).body();
    }

    private long firstRevision(String title) {
        var revisions = wiki.get("/api/v1/pages/" + title + "/revisions", admin).json().path("revisions");
        return revisions.get(revisions.size() - 1).path("id").asLong();
    }

    private List<Action> actions() {
        return List.of(
                new Action("create a page", Role.EDITOR, cell -> "Matrix_new_" + cell,
                        (title, token) -> wiki.put("/api/v1/pages/" + title, token, json("markdown", "New.")),
                        this::pageState),
                new Action("edit a page", Role.EDITOR, this::page,
                        (title, token) -> wiki.put("/api/v1/pages/" + title, token, json("markdown", "Vandalised.",
                                "baseRevisionId", wiki.get("/api/v1/pages/" + title).json().path("revision").path("id").asLong())),
                        this::pageState),
                new Action("revert a page", Role.EDITOR, this::page,
                        (title, token) -> wiki.post("/api/v1/pages/" + title + "/revert", token,
                                json("revisionId", firstRevision(title), "summary", "back")),
                        this::pageState),
                new Action("protect a page", Role.ADMIN, this::page,
                        (title, token) -> wiki.post("/api/v1/pages/" + title + "/protection", token, json("edit", "admin")),
                        this::pageState),
                new Action("delete a page", Role.ADMIN, this::page,
                        (title, token) -> wiki.delete("/api/v1/pages/" + title + "?reason=x", token),
                        this::pageState),
                new Action("restore a page", Role.ADMIN, cell -> {
                    String title = page(cell);
                    assertThat(wiki.delete("/api/v1/pages/" + title, admin).status()).isIn(200, 204);
                    return title;
                }, (title, token) -> wiki.post("/api/v1/pages/" + title + "/restore", token, ""), this::pageState),
                new Action("change a role", Role.ADMIN, this::user,
                        (name, token) -> wiki.put("/api/v1/users/" + name + "/role", token, json("role", "admin")),
                        this::userState),
                new Action("block a user", Role.ADMIN, this::user,
                        (name, token) -> wiki.post("/api/v1/users/" + name + "/block", token, json("reason", "x")),
                        this::userState),
                new Action("unblock a user", Role.ADMIN, cell -> {
                    String name = user(cell);
                    assertThat(wiki.post("/api/v1/users/" + name + "/block", admin, json("reason", "x")).status()).isIn(200, 204);
                    return name;
                }, (name, token) -> wiki.delete("/api/v1/users/" + name + "/block", token), this::userState),
                new Action("read the audit log", Role.ADMIN, cell -> "",
                        (unused, token) -> wiki.get("/api/v1/audit", token), unused -> ""),
                new Action("list accounts awaiting approval", Role.ADMIN, cell -> "",
                        (unused, token) -> wiki.get("/api/v1/users", token), unused -> ""));
    }

    @Test
    void everyWriteEndpointAllowsExactlyTheRightCallers() {
        List<String> wrong = new ArrayList<>();
        for (Action action : actions()) {
            for (Caller caller : Caller.values()) {
                int cell = cells.incrementAndGet();
                String target = action.prepare().apply(cell);
                String before = action.state().apply(target);
                Response response = action.call().apply(target, tokens.get(caller));
                String after = action.state().apply(target);
                String where = action.name() + " as " + caller + ": " + response.status() + " " + response.body();
                boolean allowed = caller == Caller.ADMIN || (caller == Caller.EDITOR && action.minimum() == Role.EDITOR);
                if (allowed) {
                    if (response.status() >= 300) {
                        wrong.add(where + " (should be allowed)");
                    }
                    continue;
                }
                int expected = caller == Caller.ANONYMOUS ? 401 : 403;
                String code = switch (caller) {
                    case ANONYMOUS -> "unauthenticated";
                    case BLOCKED -> action.minimum() == Role.EDITOR ? "blocked" : null;
                    default -> null;
                };
                if (response.status() != expected || (code != null && !code.equals(response.errorCode()))) {
                    wrong.add(where + " (expected " + expected + (code == null ? "" : " " + code) + ")");
                }
                if (!before.equals(after)) {
                    wrong.add(action.name() + " as " + caller + " changed state although refused");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void protectedPagesRefuseEditorsWithProtected() {
        String title = page(cells.incrementAndGet());
        assertThat(wiki.post("/api/v1/pages/" + title + "/protection", admin, json("edit", "admin")).status()).isEqualTo(200);
        long base = wiki.get("/api/v1/pages/" + title).json().path("revision").path("id").asLong();
        Response refused = wiki.put("/api/v1/pages/" + title, tokens.get(Caller.EDITOR), json("markdown", "x", "baseRevisionId", base));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("protected");
        assertThat(wiki.put("/api/v1/pages/" + title, admin, json("markdown", "by admin", "baseRevisionId", base)).status()).isEqualTo(200);
        assertThat(wiki.get("/wiki/" + title).body()).contains("This page is protected");
    }

    @Test
    void blockedUsersReadButLearnWhyTheyCannotWrite() {
        String vandal = tokens.get(Caller.BLOCKED);
        assertThat(wiki.get("/api/v1/pages/Matrix_page_1", vandal).status()).isIn(200, 404);
        Response refused = wiki.put("/api/v1/pages/Blocked_attempt", vandal, json("markdown", "spam"));
        assertThat(refused.errorCode()).isEqualTo("blocked");
        assertThat(refused.body()).contains("spam links");
    }

    @Test
    void htmlFormsGoThroughTheSamePermissions() {
        String title = page(cells.incrementAndGet());
        for (String name : List.of("rita", "vandal")) {
            Visitor visitor = new Visitor(wiki);
            visitor.logIn(name);
            String csrf = visitor.formToken("/wiki/" + title);
            long base = wiki.get("/api/v1/pages/" + title).json().path("revision").path("id").asLong();
            Response edit = visitor.post("/wiki/" + title + "/edit", null, "csrf", csrf, "markdown", "Form vandalism",
                    "summary", "", "baseRevisionId", Long.toString(base), "action", "save");
            assertThat(edit.status()).as(name + " edit form").isEqualTo(403);
            Response revert = visitor.post("/wiki/" + title + "/revert", null, "csrf", csrf,
                    "revisionId", Long.toString(firstRevision(title)), "summary", "");
            assertThat(revert.status()).as(name + " revert form").isEqualTo(403);
        }
        Visitor plainEditor = new Visitor(wiki);
        plainEditor.logIn("eddie");
        String token = plainEditor.formToken("/wiki/" + title);
        assertThat(plainEditor.post("/special/page-admin/delete", null, "csrf", token, "title", title, "reason", "x").status())
                .isEqualTo(403);
        assertThat(plainEditor.post("/special/page-admin/protect", null, "csrf", token, "title", title, "edit", "admin").status())
                .isEqualTo(403);
        assertThat(plainEditor.post("/special/user-admin/rita/block", null, "csrf", token, "reason", "x").status()).isEqualTo(403);
        assertThat(plainEditor.post("/special/user-admin/eddie/role", null, "csrf", token, "role", "admin").status()).isEqualTo(403);
        assertThat(plainEditor.get("/special/audit").status()).isEqualTo(403);
        assertThat(wiki.get("/api/v1/users/eddie").json().path("role").asText()).isEqualTo("editor");
        assertThat(wiki.get("/api/v1/users/rita").json().path("block").isNull()).isTrue();
        assertThat(pageState(title)).contains("\"deleted\":false");

        Visitor anonymous = new Visitor(wiki);
        String csrf = anonymous.formToken("/login");
        Response anonymousEdit = anonymous.post("/wiki/" + title + "/edit", null, "csrf", csrf, "markdown", "x", "action", "save");
        assertThat(anonymousEdit.status()).isIn(303, 401);
        assertThat(wiki.get("/api/v1/pages/" + title).json().path("markdown").asText()).startsWith("Second text");
    }
}
