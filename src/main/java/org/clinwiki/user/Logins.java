package org.clinwiki.user;

import org.clinwiki.limit.Limits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.audit.AuditedBy;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.limit.ServerBusyException;
import org.clinwiki.limit.TooManyRequestsException;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Throttle;

/**
 * Proving who one is: logging in with a name and password (which issues a token), and changing
 * one's own password. Guessing costs the guesser: attempts are counted before the slow check,
 * and hashing runs a bounded number at a time ({@link Passwords}). Thread-safe.
 */
public final class Logins {

    private final Database database;
    private final Passwords passwords;
    private final Tokens tokens;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Throttle accountFailures;
    private final Throttle addressFailures;
    private final Throttle logins;

    public Logins(Database database, Passwords passwords, Tokens tokens, Clock clock, Duration tokenLifetime, Limits limits) {
        this.database = database;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.accountFailures = Throttle.shared(database, "login-failures-account", limits.loginFailuresPerAccount(),
                limits.loginWindow(), clock);
        this.addressFailures = Throttle.shared(database, "login-failures-address", limits.loginFailuresPerAddress(),
                limits.loginWindow(), clock);
        this.logins = Throttle.shared(database, "logins", limits.loginsPerHour(), Duration.ofHours(1), clock);
    }

    /**
     * Checks a name and password and issues a token of the given kind. Wrong name and wrong
     * password look alike, and take the same time.
     *
     * <p>Each attempt is counted against the account and the address <em>before</em> the
     * password is checked, atomically, so forty guesses sent at once cannot all pass a limit of
     * five while the slow checks run; an attempt with the right password is given back. A name
     * that could never be an account is refused first, before anything is counted, cached or
     * written to the audit log, so what a request sends cannot grow the server's memory or disk.
     */
    public Login login(String name, String password, String address, TokenKind kind) {
        Instant now = clock.instant();
        String typed = name == null ? "" : name.strip();
        if (!UserNames.isValid(typed)) {
            throw wrongCredentials();
        }
        String account = "account:" + UserNames.key(typed);
        String from = "address:" + address;
        accountFailures.take(account, "too_many_login_failures", "Too many failed logins for this account.");
        try {
            addressFailures.take(from, "too_many_login_failures", "Too many failed logins from your address.");
        } catch (TooManyRequestsException e) {
            accountFailures.refund(account);
            throw e;
        }
        Optional<User> found;
        boolean valid;
        try {
            found = database.read(UserStore.class, users -> users.findByKey(UserNames.key(typed)));
            valid = passwordMatches(found, password);
        } catch (ServerBusyException e) {
            // Not checked at all, so not a guess.
            accountFailures.refund(account);
            addressFailures.refund(from);
            throw e;
        }
        if (!valid) {
            database.update(handle -> new AuditLog(handle).record(new AuditedBy(found.map(User::id).orElse(null), typed, address), now, "login_failed", "", "", ""));
            throw wrongCredentials();
        }
        User user = found.orElseThrow();
        if (user.status() == AccountStatus.PENDING) {
            // Still counted: a pending account's password must not be guessable either.
            throw new PermissionDeniedException("account_pending", "An administrator has not approved this account yet.");
        }
        accountFailures.refund(account);
        addressFailures.refund(from);
        // Every login stores a token: a script logging in in a loop would fill the database.
        logins.take("user:" + user.id(), "too_many_logins", "This account has logged in too often in the last hour.");
        String token = tokens.newToken();
        Instant expires = now.plus(tokenLifetime);
        database.update(handle -> {
            handle.attach(TokenStore.class).insert(user.id(), Tokens.hash(token), kind.key(), "login", now, expires, address);
            new AuditLog(handle).record(new Actor(user, address).audited(), now, "login", user.name(), "", "");
        });
        return new Login(token, expires, user);
    }

    // A password longer than any the policy accepts is wrong without hashing it.
    private boolean passwordMatches(Optional<User> account, String password) {
        String typed = password == null ? "" : password;
        if (typed.length() > PasswordPolicy.MAX_LENGTH) {
            return false;
        }
        Optional<User> canLogIn = account.filter(user -> user.status() != AccountStatus.SYSTEM);
        if (canLogIn.isEmpty()) {
            return passwords.verifyNothing(typed);
        }
        String stored = database.read(UserStore.class, users -> users.passwordHash(canLogIn.get().id()));
        return passwords.verify(typed, stored);
    }

    private static NotAuthenticatedException wrongCredentials() {
        return new NotAuthenticatedException("invalid_credentials", "Wrong user name or password.");
    }

    /**
     * Changes the acting user's own password; every other token of theirs is revoked. Wrong
     * current passwords count as failed logins of the account: a stolen session must not be a
     * way to guess the password without limit.
     */
    public void changePassword(Actor actor, String currentPassword, String newPassword, String keepToken) {
        User user = actor.user();
        String attempt = "account:" + UserNames.key(user.name());
        accountFailures.take(attempt, "too_many_login_failures", "Too many wrong passwords for this account.");
        boolean valid;
        try {
            valid = passwordMatches(Optional.of(user), currentPassword);
        } catch (ServerBusyException e) {
            accountFailures.refund(attempt);
            throw e;
        }
        if (!valid) {
            throw new NotAuthenticatedException("invalid_credentials", "The current password is wrong.");
        }
        accountFailures.refund(attempt);
        PasswordPolicy.check(user.name(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("weak_password", "The new password must differ from the current one.");
        }
        String hash = passwords.hash(newPassword);
        Instant now = clock.instant();
        database.update(handle -> {
            handle.attach(UserStore.class).setPassword(user.id(), hash, false);
            handle.attach(TokenStore.class).revokeAllExcept(user.id(), keepToken == null ? "" : Tokens.hash(keepToken), now);
            new AuditLog(handle).record(actor.audited(), now, "password_change", user.name(), "", "");
        });
    }
}
