package org.clinwiki.web;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;

import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.RegistrationMode;
import org.clinwiki.user.Role;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Logging in and out, tokens, who may write, one-time passwords and registration. */
class AccountApiTest extends WikiTestCase {

    @Override
    protected Config configure(Config config) {
        return config.withRegistration(RegistrationMode.APPROVAL);
    }

    @Test
    void loginReturnsABearerTokenThatIdentifiesTheUser() {
        String token = wiki.login("dana", Role.EDITOR, "PharmD");
        Response me = wiki.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("dana");
        assertThat(me.json().path("credentials").asText()).isEqualTo("PharmD");
        assertThat(me.json().path("role").asText()).isEqualTo("editor");
    }

    @Test
    void userNamesAreMatchedIgnoringCaseAtLogin() {
        wiki.login("Erin", Role.READER);
        assertThat(wiki.post("/api/v1/login", "", json("username", "erin", "password", TestWiki.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        wiki.login("frank", Role.EDITOR);
        Response wrongPassword = wiki.post("/api/v1/login", "", json("username", "frank", "password", "not the password at all"));
        Response unknownUser = wiki.post("/api/v1/login", "", json("username", "nobody", "password", "not the password at all"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = wiki.login("grace", Role.EDITOR);
        assertThat(wiki.wiki().sessions().authenticate(token)).isPresent();
        Long stored = Jdbi.create(() -> TestDatabases.connect(wiki.wiki().config().dataDir()))
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :token")
                        .bind("token", token).mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void logoutRevokesTheToken() {
        String token = wiki.login("heidi", Role.EDITOR);
        assertThat(wiki.post("/api/v1/logout", token, "").status()).isEqualTo(204);
        Response after = wiki.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("invalid_token");
    }

    @Test
    void anonymousWritesAnswer401AndReadersGet403() {
        assertThat(wiki.put("/api/v1/pages/Anon", "", json("markdown", "x")).status()).isEqualTo(401);
        assertThat(wiki.put("/api/v1/pages/Anon", "", json("markdown", "x")).header("WWW-Authenticate")).startsWith("Bearer");
        String reader = wiki.login("ivan", Role.READER);
        Response forbidden = wiki.put("/api/v1/pages/Anon", reader, json("markdown", "x"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("forbidden");
        String editor = wiki.login("judy", Role.EDITOR);
        long id = wiki.save("Revert_rights", "a", editor).path("revision").path("id").asLong();
        wiki.save("Revert_rights", "b", editor);
        assertThat(wiki.post("/api/v1/pages/Revert_rights/revert", reader, json("revisionId", id)).status()).isEqualTo(403);
        assertThat(wiki.post("/api/v1/pages/Revert_rights/revert", "", json("revisionId", id)).status()).isEqualTo(401);
        assertThat(wiki.get("/api/v1/pages/Anon").status()).isEqualTo(404);
    }

    @Test
    void anonymousUsersRead() {
        String editor = wiki.login("kate", Role.EDITOR);
        wiki.save("Readable", "open to all", editor);
        assertThat(wiki.get("/api/v1/pages/Readable").status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/pages/Readable/revisions").status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/recent-changes").status()).isEqualTo(200);
    }

    @Test
    void oneTimePasswordMustBeChangedBeforeAnythingElse() {
        String password = wiki.wiki().users().createAdminWithOneTimePassword("root");
        Response login = wiki.post("/api/v1/login", "", json("username", "root", "password", password));
        assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
        String token = login.json().path("token").asText();
        Response refused = wiki.put("/api/v1/pages/Admin_first", token, json("markdown", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("password_change_required");

        assertThat(wiki.put("/api/v1/me/password", token,
                json("currentPassword", password, "newPassword", "short")).errorCode()).isEqualTo("weak_password");
        assertThat(wiki.put("/api/v1/me/password", token,
                json("currentPassword", "wrong one", "newPassword", "a much better password")).status()).isEqualTo(401);
        assertThat(wiki.put("/api/v1/me/password", token,
                json("currentPassword", password, "newPassword", "a much better password")).status()).isEqualTo(204);
        assertThat(wiki.put("/api/v1/pages/Admin_first", token, json("markdown", "x")).status()).isEqualTo(201);
        assertThat(wiki.post("/api/v1/login", "", json("username", "root", "password", password)).status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsOtherSessions() {
        String first = wiki.login("leo", Role.EDITOR);
        String second = wiki.token("leo", TestWiki.PASSWORD);
        wiki.put("/api/v1/me/password", first, json("currentPassword", TestWiki.PASSWORD, "newPassword", "another long password"));
        assertThat(wiki.get("/api/v1/me", first).status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/me", second).status()).isEqualTo(401);
    }

    @Test
    void registrationNeedsApprovalByAnAdministrator() {
        Response registered = wiki.post("/api/v1/register", "", json("username", "newcomer",
                "password", "a long and fine password", "displayName", "New Comer", "credentials", "RN"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().path("status").asText()).isEqualTo("pending");
        Response early = wiki.post("/api/v1/login", "", json("username", "newcomer", "password", "a long and fine password"));
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.errorCode()).isEqualTo("account_pending");

        String admin = wiki.login("approver", Role.ADMIN);
        assertThat(wiki.get("/api/v1/users", admin).json().path("users"))
                .extracting(u -> u.path("name").asText()).contains("newcomer");
        assertThat(wiki.post("/api/v1/users/newcomer/approve", admin, "").status()).isEqualTo(200);
        assertThat(wiki.post("/api/v1/login", "", json("username", "newcomer", "password", "a long and fine password")).status())
                .isEqualTo(200);
    }

    @Test
    void usersListAndRevokeTheirOwnTokensAndSessions() {
        String first = wiki.login("sessionista", Role.EDITOR);
        String second = wiki.token("sessionista", TestWiki.PASSWORD);
        String stranger = wiki.login("stranger", Role.EDITOR);
        JsonNode sessions = wiki.get("/api/v1/me/sessions", first).json().path("sessions");
        assertThat(sessions).hasSize(2);
        JsonNode other = sessions.get(0).path("current").asBoolean() ? sessions.get(1) : sessions.get(0);
        assertThat(other.path("current").asBoolean()).isFalse();
        assertThat(other.path("kind").asText()).isEqualTo("api");
        assertThat(other.path("createdFrom").asText()).isNotBlank();
        assertThat(other.toString()).doesNotContain(second);

        long strangersId = wiki.get("/api/v1/me/sessions", stranger).json().path("sessions").get(0).path("id").asLong();
        assertThat(wiki.delete("/api/v1/me/sessions/" + strangersId, first).status()).as("not yours").isEqualTo(404);
        assertThat(wiki.get("/api/v1/me", stranger).status()).isEqualTo(200);

        assertThat(wiki.delete("/api/v1/me/sessions/" + other.path("id").asLong(), first).status()).isEqualTo(204);
        assertThat(wiki.get("/api/v1/me", second).status()).isEqualTo(401);
        assertThat(wiki.get("/api/v1/me", first).status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/me/sessions", first).json().path("sessions")).hasSize(1);
        assertThat(wiki.delete("/api/v1/me/sessions/" + other.path("id").asLong(), first).status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/me/sessions").status()).isEqualTo(401);
    }

    @Test
    void registrationRefusesTakenNamesAndWeakPasswords() {
        wiki.login("taken", Role.EDITOR);
        assertThat(wiki.post("/api/v1/register", "", json("username", "TAKEN", "password", "a long enough password")).status())
                .isEqualTo(409);
        assertThat(wiki.post("/api/v1/register", "", json("username", "weakling", "password", "short")).errorCode())
                .isEqualTo("weak_password");
        assertThat(wiki.post("/api/v1/register", "", json("username", "weakling", "password", "my name is weakling ok")).errorCode())
                .isEqualTo("weak_password");
        assertThat(wiki.post("/api/v1/register", "", json("username", "bad name!", "password", "a long enough password")).errorCode())
                .isEqualTo("invalid_username");
        for (String common : new String[] {"password1234", "Password1234", "qwertyuiop12", "123456789012", "hospital2024",
                "aaaaaaaaaaaa", "abababababab"}) {
            Response refused = wiki.post("/api/v1/register", "", json("username", "weakling", "password", common));
            assertThat(refused.errorCode()).as(common).isEqualTo("weak_password");
        }
        assertThat(wiki.get("/api/v1/users/weakling").status()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void systemAccountCannotLogIn() {
        wiki.wiki().users().systemAccount(FirstRun.SYSTEM_ACCOUNT);
        assertThat(wiki.post("/api/v1/login", "", json("username", FirstRun.SYSTEM_ACCOUNT, "password", "")).status()).isEqualTo(401);
    }
}
