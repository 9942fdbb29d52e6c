package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No one can register a name, or a display name, that readers would take for someone else's. */
class LookalikeNamesTest extends WikiTestCase {

    @BeforeAll
    void anAdministratorNamedBoss() {
        wiki.login("boss", Role.ADMIN);
        wiki.login("linda", Role.EDITOR);
    }

    private Response register(String name, String displayName) {
        return wiki.post("/api/v1/register", "", json("username", name, "password", "a long and fine password",
                "displayName", displayName, "credentials", "Administrator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b\u043Ess", "B0SS", "bo\u0455s", "Iinda"})
    void aNameThatLooksLikeAnExistingOneIsRefused(String lookalike) {
        Response refused = register(lookalike, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("username_confusable");
        assertThat(wiki.get("/api/v1/users/" + TestWiki.encode(lookalike)).status()).as("nothing created").isEqualTo(404);
    }

    @Test
    void aDisplayNameThatLooksLikeSomeoneElsesNameIsRefused() {
        Response refused = register("bosslady", "B\u043Ess");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("display_name_confusable");
        assertThat(register("bosslady", "Boss Lady").status()).isEqualTo(201);
    }

    @Test
    void theCommandLineRefusesLookalikesToo() {
        assertThatThrownBy(() -> wiki.wiki().users().create("1inda", "", "", Role.EDITOR,
                "a long and fine password")).hasMessageContaining("looks too much like");
    }

    @Test
    void distinctNamesAreWelcome() {
        assertThat(register("bossanova", "").status()).isEqualTo(201);
        assertThat(register("lindy", "Linda Smith").status()).isEqualTo(201);
    }
}
