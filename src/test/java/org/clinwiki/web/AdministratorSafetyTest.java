package org.clinwiki.web;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.clinwiki.db.Database;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiki always keeps an administrator who can act, and administrators' tools keep working under abuse. */
class AdministratorSafetyTest {

    @TempDir
    Path dataDir;

    @Test
    void aBlockedAdministratorDoesNotCountAsTheOneLeft() {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String boss = wiki.login("boss", Role.ADMIN);
            String mallory = wiki.login("mallory", Role.EDITOR);
            assertThat(wiki.put("/api/v1/users/mallory/role", boss, json("role", "admin")).status()).isEqualTo(200);
            assertThat(wiki.post("/api/v1/users/boss/block", mallory, json("reason", "x")).status()).isEqualTo(200);

            Response demotion = wiki.put("/api/v1/users/mallory/role", mallory, json("role", "editor"));
            assertThat(demotion.status()).isEqualTo(403);
            assertThat(demotion.errorCode()).isEqualTo("last_admin");
            assertThat(wiki.delete("/api/v1/users/boss/block", mallory).status()).as("an admin can still act").isEqualTo(200);
            assertThat(wiki.put("/api/v1/users/mallory/role", boss, json("role", "editor")).status())
                    .as("with boss unblocked, mallory is not the last").isEqualTo(200);
        }
    }

    @Test
    void pendingAccountsArePagedSoNoneHidesBehindOthers() {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String admin = wiki.login("approver", Role.ADMIN);
            for (int i = 0; i < 7; i++) {
                wiki.post("/api/v1/register", "", json("username", "applicant" + i, "password", "a long and fine password"));
            }
            List<String> seen = new ArrayList<>();
            String after = "";
            for (int page = 0; page < 5; page++) {
                JsonNode listing = wiki.get("/api/v1/users?limit=3&after=" + after, admin).json();
                listing.path("users").forEach(user -> seen.add(user.path("name").asText()));
                if (listing.path("next").isNull() || listing.path("next").isMissingNode()) {
                    break;
                }
                after = listing.path("next").asText();
            }
            assertThat(seen).containsExactly("applicant0", "applicant1", "applicant2", "applicant3", "applicant4", "applicant5",
                    "applicant6");
        }
    }

    @Test
    void oversizedAuditEntriesWrittenBeforeTheLimitDoNotBreakTheLog() throws Exception {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String admin = wiki.login("boss", Role.ADMIN);
            try (Connection sqlite = TestDatabases.connect(dataDir);
                 PreparedStatement insert = sqlite.prepareStatement("""
                         INSERT INTO audit_log (created_at, actor_id, actor_name, action, target, address, reason, details)
                         VALUES (0, NULL, ?, 'login_failed', '', '127.0.0.1', '', '')""")) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1, i + "A".repeat(4 * 1024 * 1024));
                    insert.executeUpdate();
                }
            }
            Response audit = wiki.get("/api/v1/audit", admin);
            assertThat(audit.status()).isEqualTo(200);
            assertThat(audit.body().length()).isLessThan(100_000);
            assertThat(wiki.get("/special/audit", admin).status()).isEqualTo(200);
        }
    }
}
