package org.clinwiki.user;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.audit.AuditEntry;
import org.clinwiki.error.ConflictException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, logins, sessions and what administrators do to accounts, on a real SQLite file, without HTTP. */
class AccountsTest {

    private static final String PASSWORD = "a long test password 1";

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private Wiki wiki;

    @BeforeEach
    void open() {
        wiki = Wiki.open(TestDatabases.config(dataDir).withRegistration(RegistrationMode.APPROVAL), clock);
    }

    @AfterEach
    void close() {
        wiki.close();
    }

    private Actor admin() {
        if (wiki.users().find("root").isEmpty()) {
            wiki.users().create("root", "Root", "", Role.ADMIN, PASSWORD);
        }
        return new Actor(wiki.users().require("root"), "10.0.0.1");
    }

    @Test
    void anAccountLogsInWithItsPasswordAndNoOther() {
        wiki.users().create("jdoe", "Jane Doe", "MD, CMIO", Role.EDITOR, PASSWORD);

        Login login = wiki.logins().login("jdoe", PASSWORD, "10.0.0.2", TokenKind.API);

        assertThat(login.user().credentials()).isEqualTo("MD, CMIO");
        assertThat(wiki.sessions().authenticate(login.token())).map(User::name).contains("jdoe");
        assertThatThrownBy(() -> wiki.logins().login("jdoe", "another long password", "10.0.0.2", TokenKind.API))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void aNameTakenOrMistakableForAnExistingOneIsRefused() {
        wiki.users().create("boss", "Boss", "", Role.EDITOR, PASSWORD);

        assertThatThrownBy(() -> wiki.users().create("Boss", "", "", Role.EDITOR, PASSWORD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> wiki.users().create("b\u043ess", "", "", Role.EDITOR, PASSWORD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("looks too much like");
        assertThatThrownBy(() -> wiki.users().create("nurse", "boss", "", Role.EDITOR, PASSWORD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("display name");
    }

    @Test
    void aRegistrationWaitsForAnAdministratorsApproval() {
        wiki.users().register("newcomer", PASSWORD, "New Comer", "RN", "10.0.0.3");
        assertThatThrownBy(() -> wiki.logins().login("newcomer", PASSWORD, "10.0.0.3", TokenKind.SESSION))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("not approved");
        assertThat(wiki.administration().pending(admin().user(), "", 10)).extracting(User::name).containsExactly("newcomer");

        wiki.administration().approve(admin(), "newcomer");

        assertThat(wiki.logins().login("newcomer", PASSWORD, "10.0.0.3", TokenKind.SESSION).user().status())
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(wiki.administration().pending(admin().user(), "", 10)).isEmpty();
        assertThatThrownBy(() -> wiki.administration().approve(admin(), "newcomer")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAdministratorsApprove() {
        wiki.users().register("newcomer", PASSWORD, "", "", "10.0.0.3");
        User editor = wiki.users().create("editor", "", "", Role.EDITOR, PASSWORD);

        assertThatThrownBy(() -> wiki.administration().approve(new Actor(editor, "x"), "newcomer"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> wiki.administration().pending(editor, "", 10)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aOneTimePasswordAllowsNothingUntilItIsChanged() {
        String oneTime = wiki.users().createAdminWithOneTimePassword("admin");
        Login login = wiki.logins().login("admin", oneTime, "10.0.0.1", TokenKind.SESSION);
        assertThatThrownBy(() -> wiki.permissions().require(login.user(), Right.EDIT))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("one-time password");

        wiki.logins().changePassword(new Actor(login.user(), "10.0.0.1"), oneTime, PASSWORD, login.token());

        User changed = wiki.users().require("admin");
        wiki.permissions().require(changed, Right.EDIT);
        assertThat(wiki.permissions().refusal(changed)).isEmpty();
        assertThat(wiki.sessions().authenticate(login.token())).as("the session that changed it stays").isPresent();
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        wiki.users().create("jdoe", "", "", Role.EDITOR, PASSWORD);
        Login here = wiki.logins().login("jdoe", PASSWORD, "a", TokenKind.SESSION);
        Login elsewhere = wiki.logins().login("jdoe", PASSWORD, "b", TokenKind.API);

        wiki.logins().changePassword(new Actor(here.user(), "a"), PASSWORD, "another long password 2", here.token());

        assertThat(wiki.sessions().authenticate(here.token())).isPresent();
        assertThat(wiki.sessions().authenticate(elsewhere.token())).isEmpty();
    }

    @Test
    void aTokenStopsWorkingAtLogoutOrWhenItExpires() {
        wiki.users().create("jdoe", "", "", Role.EDITOR, PASSWORD);
        Login first = wiki.logins().login("jdoe", PASSWORD, "a", TokenKind.SESSION);
        Login second = wiki.logins().login("jdoe", PASSWORD, "a", TokenKind.API);
        assertThat(wiki.sessions().sessions(new Actor(first.user(), "a"), first.token())).hasSize(2);

        wiki.sessions().logout(first.token());
        assertThat(wiki.sessions().authenticate(first.token())).isEmpty();
        assertThat(wiki.sessions().authenticate(second.token())).isPresent();

        clock.advance(wiki.config().tokenLifetime().plusMinutes(1));
        assertThat(wiki.sessions().authenticate(second.token())).isEmpty();
    }

    @Test
    void aBlockStopsEditsUntilItEnds() {
        User editor = wiki.users().create("vandal", "", "", Role.EDITOR, PASSWORD);
        assertThatThrownBy(() -> wiki.administration().block(admin(), "vandal", "", Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> wiki.administration().block(admin(), "vandal", "spam", Optional.of(clock.instant())))
                .isInstanceOf(InvalidInputException.class);

        wiki.administration().block(admin(), "vandal", "spam", Optional.of(clock.instant().plus(Duration.ofHours(2))));

        User blocked = wiki.users().require("vandal");
        assertThatThrownBy(() -> wiki.permissions().require(blocked, Right.EDIT))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("spam");
        clock.advance(Duration.ofHours(3));
        wiki.permissions().require(blocked, Right.EDIT);
        assertThat(editor.id()).isEqualTo(blocked.id());
    }

    @Test
    void theLastUsableAdministratorCannotStepDown() {
        Actor root = admin();
        assertThatThrownBy(() -> wiki.administration().changeRole(root, "root", Role.EDITOR, "leaving"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("last administrator");

        wiki.users().create("deputy", "", "", Role.ADMIN, PASSWORD);
        wiki.administration().changeRole(root, "root", Role.EDITOR, "leaving");

        assertThat(wiki.users().require("root").role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void administratorsActionsAreInTheAuditLogWhichOnlyTheyRead() {
        wiki.users().create("vandal", "", "", Role.EDITOR, PASSWORD);
        wiki.administration().block(admin(), "vandal", "spam", Optional.empty());
        wiki.administration().unblock(admin(), "vandal", "apologised");
        wiki.administration().changeRole(admin(), "vandal", Role.READER, "read only for now");

        assertThat(wiki.administration().auditLog(admin().user(), "", Long.MAX_VALUE, 10))
                .extracting(AuditEntry::action, AuditEntry::target, AuditEntry::actor)
                .startsWith(org.assertj.core.groups.Tuple.tuple("role_change", "vandal", "root"),
                        org.assertj.core.groups.Tuple.tuple("unblock", "vandal", "root"),
                        org.assertj.core.groups.Tuple.tuple("block", "vandal", "root"));
        assertThatThrownBy(() -> wiki.administration().auditLog(wiki.users().require("vandal"), "", Long.MAX_VALUE, 10))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
