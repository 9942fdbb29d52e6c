package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The registration page and the administrators' audit log page. */
class AccountPagesTest extends WikiTestCase {

    @Test
    void registrationPageCreatesAnAccountThatWaitsForApproval() {
        Visitor visitor = new Visitor(wiki);
        String csrf = visitor.formToken("/register");
        Response weak = visitor.post("/register", null, "csrf", csrf, "username", "newnurse", "password", "password1234",
                "displayName", "New Nurse", "credentials", "RN");
        assertThat(weak.status()).isEqualTo(400);
        Document refused = Jsoup.parse(weak.body());
        assertThat(refused.select("[role=alert]").text()).contains("common passwords");
        assertThat(refused.select("#cw-username").val()).isEqualTo("newnurse");
        assertThat(refused.select("#cw-password").val()).isEmpty();

        Response created = visitor.post("/register", null, "csrf", csrf, "username", "newnurse",
                "password", "a sound passphrase for me", "displayName", "New Nurse", "credentials", "RN");
        assertThat(created.status()).isEqualTo(201);
        assertThat(Jsoup.parse(created.body()).select("[role=status]").text()).contains("waits for an administrator");
        assertThat(wiki.get("/api/v1/users/newnurse").json().path("status").asText()).isEqualTo("pending");

        assertThat(visitor.post("/register", null, "username", "sneaky", "password", "a sound passphrase for me").status())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void auditLogPageIsForAdministratorsAndShowsWhoDidWhatFromWhere() {
        String admin = wiki.login("auditor", Role.ADMIN);
        wiki.login("plain", Role.EDITOR);
        wiki.post("/api/v1/login", "", json("username", "plain", "password", "not the password at all"));
        wiki.post("/api/v1/users/plain/block", admin, json("reason", "testing the log"));

        assertThat(wiki.get("/special/audit").status()).as("anonymous goes to log in").isEqualTo(303);
        Visitor editor = new Visitor(wiki);
        wiki.login("bystander", Role.EDITOR);
        editor.logIn("bystander");
        assertThat(editor.get("/special/audit").status()).isEqualTo(403);

        Visitor administrator = new Visitor(wiki);
        administrator.logIn("auditor");
        Document log = Jsoup.parse(administrator.get("/special/audit").body());
        assertThat(log.select(".audit-table tbody tr")).isNotEmpty();
        assertThat(log.select(".audit-table").text()).contains("block", "testing the log", "login_failed", "127.0.0.1");
        Document failures = Jsoup.parse(administrator.get("/special/audit?action=login_failed").body());
        assertThat(failures.select(".audit-table tbody tr")).allMatch(row -> row.text().contains("login_failed"));
        assertThat(Jsoup.parse(administrator.get("/wiki/Main_Page").body()).select("a[href=/special/audit]")).hasSize(1);
        assertThat(Jsoup.parse(editor.get("/wiki/Main_Page").body()).select("a[href=/special/audit]")).isEmpty();
    }
}
