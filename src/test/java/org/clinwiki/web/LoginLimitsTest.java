package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.clinwiki.Config;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing passwords costs the guesser: attempts are counted before the slow check, whatever
 * arrives at once; names that could never be accounts cost nothing and leave nothing behind;
 * registrations, password changes and logins that store tokens are limited too.
 */
class LoginLimitsTest extends WikiTestCase {

    private static final int PER_ACCOUNT = 5;

    @Override
    protected Config configure(Config config) {
        return config.withLimits(config.limits().withLoginFailures(PER_ACCOUNT, 200).withLoginsPerHour(4));
    }

    private Response login(String name, String password) {
        return wiki.post("/api/v1/login", "", json("username", name, "password", password));
    }

    @Test
    void fortyGuessesAtOnceGetNoMoreThroughThanTheLimit() {
        wiki.wiki().users().create("target1", "Target", "", Role.EDITOR, TestWiki.PASSWORD);
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            for (int i = 0; i < 40; i++) {
                String password = i == 39 ? TestWiki.PASSWORD : "wrong guess number " + i;
                HttpRequest request = wiki.request("/api/v1/login", "")
                        .POST(HttpRequest.BodyPublishers.ofString(json("username", "target1", "password", password))).build();
                guesses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Long> statuses = guesses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            long checked = statuses.entrySet().stream().filter(e -> e.getKey() != 429).mapToLong(Map.Entry::getValue).sum();
            assertThat(checked).as("answers other than 429: %s", statuses).isLessThanOrEqualTo(PER_ACCOUNT);
            assertThat(statuses).doesNotContainKey(500);
        }
    }

    @Test
    void aHugeUserNameIsRefusedWithoutBeingCountedOrLogged() {
        String admin = wiki.login("auditor", Role.ADMIN);
        int loggedBefore = failedLogins(admin);
        String huge = "x".repeat(1024 * 1024);
        for (int i = 0; i < 20; i++) {
            Response refused = login(i + huge, "whatever");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("invalid_credentials");
        }
        assertThat(failedLogins(admin)).as("nothing written to the audit log").isEqualTo(loggedBefore);
        wiki.wiki().users().create("sameplace", "Same Place", "", Role.EDITOR, TestWiki.PASSWORD);
        assertThat(login("sameplace", TestWiki.PASSWORD).status()).as("the address was not counted against").isEqualTo(200);
    }

    @Test
    void guessesAtAPendingAccountAreCountedToo() {
        assertThat(wiki.post("/api/v1/register", "", json("username", "waiting1", "password", "a long and fine password"))
                .status()).isEqualTo(201);
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(login("waiting1", "a long and fine password").errorCode()).isEqualTo("account_pending");
        }
        Response refused = login("waiting1", "a long and fine password");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void wrongCurrentPasswordsAreCountedLikeFailedLogins() {
        String token = wiki.login("forgetful", Role.EDITOR);
        for (int i = 0; i < PER_ACCOUNT; i++) {
            Response wrong = wiki.put("/api/v1/me/password", token, json("currentPassword", "not it " + i,
                    "newPassword", "a brand new long password"));
            assertThat(wrong.status()).isEqualTo(401);
        }
        Response refused = wiki.put("/api/v1/me/password", token, json("currentPassword", TestWiki.PASSWORD,
                "newPassword", "a brand new long password"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(login("forgetful", "a brand new long password").status()).as("not changed").isNotEqualTo(200);
    }

    @Test
    void registrationsFromOneAddressAreLimited(@TempDir Path dataDir) {
        try (TestWiki own = TestWiki.start(dataDir, config -> config.withLimits(config.limits().withRegistrationsPerHour(3)))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(own.post("/api/v1/register", "", json("username", "spam" + i, "password", "a long and fine password"))
                        .status());
            }
            assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        }
    }

    @Test
    void loginsThatStoreTokensAreLimitedPerAccount() {
        wiki.wiki().users().create("looper", "Looper", "", Role.EDITOR, TestWiki.PASSWORD);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(login("looper", TestWiki.PASSWORD).status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
    }

    private int failedLogins(String admin) {
        Response audit = wiki.get("/api/v1/audit?action=login_failed&limit=500", admin);
        return audit.json().path("entries").size();
    }
}
