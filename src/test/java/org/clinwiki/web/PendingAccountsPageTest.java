package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import java.util.ArrayList;
import java.util.List;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Administrators approve accounts registered on the site (registration mode "approval", the default) from a page. */
class PendingAccountsPageTest extends WikiTestCase {

    private static final String PAGE = "/special/pending-accounts";
    private static final String APPLICANT_PASSWORD = "a long and fine password";

    private Visitor admin;
    private Visitor editor;

    @BeforeAll
    void people() {
        wiki.login("approver", Role.ADMIN);
        wiki.login("plaineditor", Role.EDITOR);
        admin = new Visitor(wiki);
        admin.logIn("approver");
        editor = new Visitor(wiki);
        editor.logIn("plaineditor");
    }

    private void register(String name, String displayName, String credentials) {
        Response registered = wiki.post("/api/v1/register", "", json("username", name, "password", APPLICANT_PASSWORD,
                "displayName", displayName, "credentials", credentials));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    private static Response logIn(Visitor visitor, String name) {
        return visitor.post("/login", null, "csrf", visitor.formToken("/login"), "username", name, "password", APPLICANT_PASSWORD,
                "returnTo", "/wiki/Main_Page");
    }

    private Response approve(Visitor visitor, String name) {
        return visitor.post(PAGE + "/" + name + "/approve", null, "csrf", visitor.formToken("/wiki/Main_Page"));
    }

    private String status(String name) {
        return wiki.get("/api/v1/users/" + name).json().path("status").asText();
    }

    @Test
    void onlyAdministratorsSeeThePageAndItsLink() {
        Response anonymous = wiki.get(PAGE);
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/login?returnTo=%2Fspecial%2Fpending-accounts");
        Response refused = editor.get(PAGE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Forbidden");
        assertThat(admin.get(PAGE).status()).isEqualTo(200);

        assertThat(Jsoup.parse(admin.get("/wiki/Main_Page").body()).select(".site-user a[href=" + PAGE + "]")).hasSize(1);
        assertThat(Jsoup.parse(editor.get("/wiki/Main_Page").body()).select("a[href=" + PAGE + "]")).isEmpty();
    }

    @Test
    void anApprovedAccountCanLogIn() {
        Visitor applicant = new Visitor(wiki);
        String csrf = applicant.formToken("/register");
        assertThat(applicant.post("/register", null, "csrf", csrf, "username", "nursejo", "password", APPLICANT_PASSWORD,
                "displayName", "Jo <Nurse>", "credentials", "RN, BSN").status()).isEqualTo(201);
        Response early = logIn(applicant, "nursejo");
        assertThat(early.status()).isEqualTo(403);
        assertThat(Jsoup.parse(early.body()).select("[role=alert]").text()).contains("not approved this account yet");

        Document listing = Jsoup.parse(admin.get(PAGE).body());
        Element row = listing.select(".pending-accounts tbody tr:has(a[href=/special/user-admin/nursejo])").first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").eachText()).startsWith("nursejo", "Jo <Nurse>", "RN, BSN");
        assertThat(row.select("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(row.select("form[action=" + PAGE + "/nursejo/approve] input[name=csrf]").val()).isNotEmpty();

        Response approved = approve(admin, "nursejo");
        assertThat(approved.status()).isEqualTo(200);
        Document after = Jsoup.parse(approved.body());
        assertThat(after.select("[role=status]").text()).contains("nursejo", "can log in now");
        assertThat(after.select("a[href=/special/user-admin/nursejo]")).as("no longer listed").isEmpty();
        assertThat(status("nursejo")).isEqualTo("active");

        Response login = logIn(applicant, "nursejo");
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/wiki/Main_Page");
        assertThat(admin.get("/special/audit?action=approve").body()).contains("nursejo");
    }

    @Test
    void approvingNeedsTheCsrfTokenAndAnAdministrator() {
        register("hopeful", "Hopeful", "");
        assertThat(admin.post(PAGE + "/hopeful/approve", null).status()).as("no token").isEqualTo(403);
        assertThat(admin.post(PAGE + "/hopeful/approve", "https://evil.example", "csrf", admin.formToken(PAGE)).status())
                .as("another site").isEqualTo(403);
        assertThat(approve(editor, "hopeful").status()).as("an editor").isEqualTo(403);
        assertThat(wiki.post(PAGE + "/hopeful/approve", "", "").status()).as("anonymous").isEqualTo(403);
        assertThat(status("hopeful")).isEqualTo("pending");
    }

    @Test
    void approvingAnAccountThatIsNotWaitingSaysSoOnTheList() {
        Response active = approve(admin, "plaineditor");
        assertThat(active.status()).isEqualTo(400);
        assertThat(Jsoup.parse(active.body()).select("[role=alert]").text()).isEqualTo("This account is not waiting for approval.");
        assertThat(Jsoup.parse(active.body()).select("h1").text()).isEqualTo("Pending accounts");

        Response missing = approve(admin, "nobodyhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("[role=alert]").text()).contains("nobodyhere");
    }

    @Test
    void theListIsPagedSoNoAccountHidesBehindOthers() {
        for (int i = 0; i < 5; i++) {
            register("zpaged" + i, "Paged " + i, "");
        }
        List<String> seen = new ArrayList<>();
        String next = PAGE + "?limit=2";
        for (int page = 0; page < 50 && next != null; page++) {
            Document listing = Jsoup.parse(admin.get(next).body());
            assertThat(listing.select(".pending-accounts tbody tr").size()).isLessThanOrEqualTo(2);
            seen.addAll(listing.select(".pending-accounts tbody tr td:first-child").eachText());
            Element link = listing.select(".pager a[rel=next]").first();
            next = link == null ? null : link.attr("href");
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(name -> name.startsWith("zpaged")).toList())
                .containsExactly("zpaged0", "zpaged1", "zpaged2", "zpaged3", "zpaged4");

        Response approved = admin.post(PAGE + "/zpaged3/approve?limit=2", null, "csrf", admin.formToken(PAGE), "after", "zpaged1");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(Jsoup.parse(approved.body()).select(".pending-accounts tbody tr td:first-child").eachText())
                .as("the page the button was on").containsExactly("zpaged2", "zpaged4");
    }
}
