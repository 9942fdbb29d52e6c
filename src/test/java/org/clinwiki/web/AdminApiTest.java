package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protection, deletion and restore, blocks, roles and the audit log. */
class AdminApiTest extends WikiTestCase {

    String admin;
    String editor;

    @BeforeAll
    void accounts() {
        admin = wiki.login("boss", Role.ADMIN);
        editor = wiki.login("eddie", Role.EDITOR);
    }

    @Test
    void protectedPageCanOnlyBeEditedByAdmins() {
        wiki.save("Insulin_dosing", "Doses.", editor);
        assertThat(wiki.post("/api/v1/pages/Insulin_dosing/protection", editor, json("edit", "admin")).status()).isEqualTo(403);
        Response protect = wiki.post("/api/v1/pages/Insulin_dosing/protection", admin, json("edit", "admin", "reason", "dosing"));
        assertThat(protect.status()).isEqualTo(200);
        assertThat(protect.json().path("protection").asText()).isEqualTo("admin");
        Response refused = wiki.put("/api/v1/pages/Insulin_dosing", editor, json("markdown", "Wrong doses.", "baseRevisionId",
                protect.json().path("revision").path("id").asLong()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("protected");
        assertThat(wiki.get("/api/v1/pages/Insulin_dosing").json().path("markdown").asText()).isEqualTo("Doses.");
        wiki.save("Insulin_dosing", "Reviewed doses.", admin);
        wiki.post("/api/v1/pages/Insulin_dosing/protection", admin, json("edit", "editor"));
        wiki.save("Insulin_dosing", "Editors again.", editor);
        assertThat(wiki.post("/api/v1/pages/Insulin_dosing/protection", admin, json("edit", "reader")).errorCode())
                .isEqualTo("invalid_protection");
    }

    @Test
    void deletionHidesThePageAndHistoryUntilRestored() {
        wiki.save("Obsolete_protocol", "Old protocol.\n[[Category:Protocols]]", editor);
        wiki.save("Linking_page", "[[Obsolete protocol]]", editor);
        assertThat(wiki.delete("/api/v1/pages/Obsolete_protocol", editor).status()).isEqualTo(403);
        assertThat(wiki.delete("/api/v1/pages/Obsolete_protocol?reason=superseded", admin).status()).isEqualTo(204);

        assertThat(wiki.get("/api/v1/pages/Obsolete_protocol").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/pages/Obsolete_protocol", editor).status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/pages/Obsolete_protocol/revisions").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/categories/Protocols").json().path("pages")).isEmpty();
        assertThat(wiki.get("/api/v1/pages/Linking_page").json().path("html").asText()).contains("wikilink new");
        assertThat(wiki.get("/api/v1/recent-changes?limit=100").json().path("changes"))
                .extracting(c -> c.path("title").asText()).doesNotContain("Obsolete protocol");
        Response recreate = wiki.put("/api/v1/pages/Obsolete_protocol", editor, json("markdown", "x"));
        assertThat(recreate.status()).as("neither saved nor confirmed to exist").isEqualTo(403);
        assertThat(recreate.errorCode()).isEqualTo("create_protected");
        assertThat(recreate.body()).doesNotContainIgnoringCase("deleted");
        assertThat(wiki.put("/api/v1/pages/Obsolete_protocol", admin, json("markdown", "x")).errorCode())
                .as("administrators are told the truth").isEqualTo("page_deleted");

        JsonNode asAdmin = wiki.get("/api/v1/pages/Obsolete_protocol", admin).json();
        assertThat(asAdmin.path("deleted").asBoolean()).isTrue();
        assertThat(wiki.post("/api/v1/pages/Obsolete_protocol/restore", admin, json("reason", "still used")).status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/pages/Obsolete_protocol").json().path("markdown").asText()).startsWith("Old protocol.");
        assertThat(wiki.get("/api/v1/categories/Protocols").json().path("pages")).extracting(JsonNode::asText)
                .containsExactly("Obsolete protocol");
        assertThat(wiki.post("/api/v1/pages/Obsolete_protocol/restore", admin, "").status()).isEqualTo(409);
    }

    @Test
    void blockedUserReadsButCannotWrite() {
        String vandal = wiki.login("vandal", Role.EDITOR);
        assertThat(wiki.post("/api/v1/users/vandal/block", editor, json("reason", "spam")).status()).isEqualTo(403);
        Response block = wiki.post("/api/v1/users/vandal/block", admin, json("reason", "spam links", "expires", "P7D"));
        assertThat(block.status()).isEqualTo(200);
        assertThat(block.json().path("block").path("reason").asText()).isEqualTo("spam links");
        assertThat(block.json().path("block").path("expires").isNull()).isFalse();

        Response refused = wiki.put("/api/v1/pages/Vandal_page", vandal, json("markdown", "spam"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("blocked");
        assertThat(refused.json().path("error").path("message").asText()).contains("spam links");
        assertThat(wiki.get("/api/v1/recent-changes", vandal).status()).isEqualTo(200);

        assertThat(wiki.delete("/api/v1/users/vandal/block", admin).status()).isEqualTo(200);
        assertThat(wiki.put("/api/v1/pages/Vandal_page", vandal, json("markdown", "sorry")).status()).isEqualTo(201);
    }

    @Test
    void blockNeedsAReasonAndAFutureEnd() {
        wiki.login("target", Role.EDITOR);
        assertThat(wiki.post("/api/v1/users/target/block", admin, json("reason", "")).errorCode()).isEqualTo("invalid_reason");
        assertThat(wiki.post("/api/v1/users/target/block", admin, json("reason", "x", "expires", "2001-01-01T00:00:00Z")).errorCode())
                .isEqualTo("invalid_expiry");
        assertThat(wiki.post("/api/v1/users/target/block", admin, json("reason", "x", "expires", "soon")).errorCode())
                .isEqualTo("invalid_expiry");
        assertThat(wiki.post("/api/v1/users/nobody/block", admin, json("reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void roleChangeTakesEffectOnTheNextRequest() {
        String promoted = wiki.login("promoted", Role.READER);
        assertThat(wiki.put("/api/v1/pages/Promotion", promoted, json("markdown", "x")).status()).isEqualTo(403);
        assertThat(wiki.put("/api/v1/users/promoted/role", editor, json("role", "admin")).status()).isEqualTo(403);
        assertThat(wiki.put("/api/v1/users/promoted/role", admin, json("role", "editor")).json().path("role").asText()).isEqualTo("editor");
        assertThat(wiki.put("/api/v1/pages/Promotion", promoted, json("markdown", "x")).status()).isEqualTo(201);
        assertThat(wiki.put("/api/v1/users/promoted/role", admin, json("role", "emperor")).errorCode()).isEqualTo("invalid_role");
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        // boss is the only admin unless other tests made more; make sure of the count first.
        Response demoteSelf = wiki.put("/api/v1/users/boss/role", admin, json("role", "editor"));
        if (demoteSelf.status() == 200) {
            throw new AssertionError("another admin existed; this test needs boss to be the last one");
        }
        assertThat(demoteSelf.status()).isEqualTo(403);
        assertThat(demoteSelf.errorCode()).isEqualTo("last_admin");
    }

    @Test
    void auditLogRecordsAdminActionsAndLoginsForAdminsOnly() {
        wiki.save("Audit_subject", "x", editor);
        wiki.post("/api/v1/pages/Audit_subject/protection", admin, json("edit", "admin", "reason", "why not"));
        wiki.post("/api/v1/login", "", json("username", "boss", "password", "wrong password here"));
        assertThat(wiki.get("/api/v1/audit", editor).status()).isEqualTo(403);
        assertThat(wiki.get("/api/v1/audit").status()).isEqualTo(401);

        JsonNode entries = wiki.get("/api/v1/audit?limit=100", admin).json().path("entries");
        assertThat(entries).extracting(e -> e.path("action").asText()).contains("protect", "login", "login_failed");
        JsonNode protect = wiki.get("/api/v1/audit?action=protect", admin).json().path("entries").get(0);
        assertThat(protect.path("actor").asText()).isEqualTo("boss");
        assertThat(protect.path("target").asText()).isEqualTo("Audit subject");
        assertThat(protect.path("reason").asText()).isEqualTo("why not");
        assertThat(protect.path("address").asText()).isNotEmpty();
        assertThat(protect.path("timestamp").asText()).endsWith("Z");
    }
}
