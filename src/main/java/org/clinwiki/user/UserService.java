package org.clinwiki.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.ConflictException;
import org.clinwiki.Config;
import org.clinwiki.InvalidInputException;
import org.clinwiki.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * Accounts: creating them, logging in and out with bearer tokens, roles, blocks and approval.
 * Owns the transactions; every administrative change is written to the audit log in the same
 * transaction. Thread-safe.
 */
public final class UserService {

    private static final int DISPLAY_NAME_MAX = 80;
    private static final int CREDENTIALS_MAX = 120;
    private static final int REASON_MAX = 500;

    private final Database database;
    private final Passwords passwords;
    private final Tokens tokens;
    private final Permissions permissions;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final RegistrationMode registration;
    private final Throttle accountFailures;
    private final Throttle addressFailures;

    public UserService(Database database, Passwords passwords, Tokens tokens, Permissions permissions, Clock clock,
                       Duration tokenLifetime, RegistrationMode registration, Config.Limits limits) {
        this.accountFailures = new Throttle(limits.loginFailuresPerAccount(), limits.loginWindow());
        this.addressFailures = new Throttle(limits.loginFailuresPerAddress(), limits.loginWindow());
        this.database = database;
        this.passwords = passwords;
        this.tokens = tokens;
        this.permissions = permissions;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.registration = registration;
    }

    /** Creates an active account that logs in with {@code password} (the command line's {@code user add}). */
    public User create(String name, String displayName, String credentials, Role role, String password) {
        UserNames.check(name);
        PasswordPolicy.check(name, password);
        return insert(name, displayName, credentials, role, AccountStatus.ACTIVE, passwords.hash(password), false);
    }

    /** Creates an administrator with a random password that must be changed at first use; returns it. */
    public String createAdminWithOneTimePassword(String name) {
        String password = tokens.newPassword();
        insert(UserNames.check(name), name, "", Role.ADMIN, AccountStatus.ACTIVE, passwords.hash(password), true);
        return password;
    }

    /** An account for Clinwiki's own edits (seeded pages, imports); nobody can log in as it. */
    public User systemAccount(String name) {
        return find(name).orElseGet(() -> insert(UserNames.check(name), name, "", Role.EDITOR, AccountStatus.SYSTEM, null, false));
    }

    /** Registers an account through the site, as the registration setting allows. */
    /** Who may create accounts through the site. */
    public RegistrationMode registration() {
        return registration;
    }

    public User register(String name, String password, String displayName, String credentials, String address) {
        if (registration == RegistrationMode.CLOSED) {
            throw new PermissionDeniedException("registration_closed", "Registration is closed; ask an administrator for an account.");
        }
        UserNames.check(name);
        PasswordPolicy.check(name, password);
        AccountStatus status = registration == RegistrationMode.OPEN ? AccountStatus.ACTIVE : AccountStatus.PENDING;
        User user = insert(name, displayName, credentials, Role.EDITOR, status, passwords.hash(password), false);
        database.writer().useHandle(handle -> handle.attach(AuditStore.class)
                .record(new Actor(user, address), clock.instant(), "register", user.name(), "", status.key()));
        return user;
    }

    public Optional<User> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return database.reader().withExtension(UserStore.class, users -> users.findByKey(UserNames.key(name)));
    }

    public User require(String name) {
        return find(name).orElseThrow(() -> new UserNotFoundException(name));
    }

    /** Accounts waiting for approval, for administrators. */
    public List<User> pending(User viewer) {
        permissions.require(viewer, Right.APPROVE_ACCOUNT);
        return database.reader().withExtension(UserStore.class, users -> users.listByStatus(AccountStatus.PENDING.key(), 500));
    }

    /**
     * Checks a name and password and issues a token of the given kind. Wrong name and wrong
     * password look alike, and take the same time.
     */
    public Login login(String name, String password, String address, TokenKind kind) {
        Instant now = clock.instant();
        String account = "account:" + (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
        String from = "address:" + address;
        // Refused before the password is checked: guessing costs the guesser, not our CPU.
        accountFailures.check(account, "too_many_login_failures", "Too many failed logins for this account.");
        addressFailures.check(from, "too_many_login_failures", "Too many failed logins from your address.");
        Optional<User> found = find(name == null ? "" : name.strip());
        boolean valid = found.filter(user -> user.status() != AccountStatus.SYSTEM)
                .map(user -> passwords.verify(password == null ? "" : password,
                        database.reader().withExtension(UserStore.class, users -> users.passwordHash(user.id()))))
                .orElseGet(() -> passwords.verifyNothing(password == null ? "" : password));
        if (!valid) {
            accountFailures.spend(account);
            addressFailures.spend(from);
            database.writer().useHandle(handle -> handle.attach(AuditStore.class).insert(now,
                    found.map(User::id).orElse(null), name == null ? "" : name, "login_failed", "", address, "", ""));
            throw new NotAuthenticatedException("invalid_credentials", "Wrong user name or password.");
        }
        User user = found.orElseThrow();
        if (user.status() == AccountStatus.PENDING) {
            throw new PermissionDeniedException("account_pending", "An administrator has not approved this account yet.");
        }
        String token = tokens.newToken();
        Instant expires = now.plus(tokenLifetime);
        database.writer().useTransaction(handle -> {
            handle.attach(TokenStore.class).insert(user.id(), Tokens.hash(token), kind.key(), "login", now, expires, address);
            handle.attach(AuditStore.class).record(new Actor(user, address), now, "login", user.name(), "", "");
        });
        return new Login(token, expires, user);
    }

    /** The user a bearer token belongs to, if the token is valid and unexpired. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.reader().withExtension(UserStore.class,
                users -> users.findByToken(Tokens.hash(token.strip()), clock.instant()));
    }

    /** The acting user's live tokens and sessions, newest first; {@code currentToken} marks the one in use. */
    public List<Session> sessions(Actor actor, String currentToken) {
        String currentHash = currentToken == null ? "" : Tokens.hash(currentToken);
        return database.reader().withExtension(TokenStore.class, store -> store.live(actor.user().id(), clock.instant()))
                .stream()
                .map(stored -> stored.tokenHash().equals(currentHash) ? stored.session().asCurrent() : stored.session())
                .toList();
    }

    /** Revokes one of the acting user's own tokens or sessions; it stops working at once. */
    public void revokeSession(Actor actor, long id) {
        Instant now = clock.instant();
        database.writer().useTransaction(handle -> {
            if (handle.attach(TokenStore.class).revokeById(id, actor.user().id(), now) == 0) {
                throw new SessionNotFoundException(id);
            }
            handle.attach(AuditStore.class).record(actor, now, "revoke_session", actor.user().name(), "", "session " + id);
        });
    }

    /** Revokes a token; it stops working at once. */
    public void logout(String token) {
        database.writer().useHandle(handle -> handle.attach(TokenStore.class).revoke(Tokens.hash(token), clock.instant()));
    }

    /** Changes the acting user's own password; every other token of theirs is revoked. */
    public void changePassword(Actor actor, String currentPassword, String newPassword, String keepToken) {
        User user = actor.user();
        String stored = database.reader().withExtension(UserStore.class, users -> users.passwordHash(user.id()));
        if (!passwords.verify(currentPassword == null ? "" : currentPassword, stored)) {
            throw new NotAuthenticatedException("invalid_credentials", "The current password is wrong.");
        }
        PasswordPolicy.check(user.name(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("weak_password", "The new password must differ from the current one.");
        }
        String hash = passwords.hash(newPassword);
        Instant now = clock.instant();
        database.writer().useTransaction(handle -> {
            handle.attach(UserStore.class).setPassword(user.id(), hash, false);
            handle.attach(TokenStore.class).revokeAllExcept(user.id(), keepToken == null ? "" : Tokens.hash(keepToken), now);
            handle.attach(AuditStore.class).record(actor, now, "password_change", user.name(), "", "");
        });
    }

    /** Sets a password from the command line (no current password needed). */
    public void resetPassword(String name, String newPassword) {
        User user = require(name);
        PasswordPolicy.check(user.name(), newPassword);
        String hash = passwords.hash(newPassword);
        database.writer().useTransaction(handle -> {
            handle.attach(UserStore.class).setPassword(user.id(), hash, false);
            handle.attach(TokenStore.class).revokeAll(user.id(), clock.instant());
        });
    }

    public User changeRole(Actor actor, String name, Role role, String reason) {
        permissions.require(actor.user(), Right.CHANGE_ROLE);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        return database.writer().inTransaction(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            if (target.role() == Role.ADMIN && role != Role.ADMIN && target.status() == AccountStatus.ACTIVE
                    && users.countActiveAdmins() <= 1) {
                throw new PermissionDeniedException("last_admin", "This is the last administrator; make another one first.");
            }
            users.setRole(target.id(), role.key());
            audit(handle, actor, "role_change", target.name(), why, target.role().key() + " -> " + role.key());
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User block(Actor actor, String name, String reason, Optional<Instant> until) {
        permissions.require(actor.user(), Right.BLOCK);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        if (why.isEmpty()) {
            throw new InvalidInputException("invalid_reason", "A block needs a reason.");
        }
        Instant now = clock.instant();
        if (until.isPresent() && !until.get().isAfter(now)) {
            throw new InvalidInputException("invalid_expiry", "A block must end in the future.");
        }
        return database.writer().inTransaction(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            if (target.id() == actor.user().id()) {
                throw new PermissionDeniedException("forbidden", "You cannot block yourself.");
            }
            users.block(target.id(), now, until.orElse(null), why, actor.user().id());
            audit(handle, actor, "block", target.name(), why, until.map(i -> "until " + i).orElse("indefinite"));
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User unblock(Actor actor, String name, String reason) {
        permissions.require(actor.user(), Right.BLOCK);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        return database.writer().inTransaction(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            users.unblock(target.id());
            audit(handle, actor, "unblock", target.name(), why, "");
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User approve(Actor actor, String name) {
        permissions.require(actor.user(), Right.APPROVE_ACCOUNT);
        return database.writer().inTransaction(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            if (target.status() != AccountStatus.PENDING) {
                throw new InvalidInputException("not_pending", "This account is not waiting for approval.");
            }
            users.setStatus(target.id(), AccountStatus.ACTIVE.key());
            audit(handle, actor, "approve", target.name(), "", "");
            return users.findById(target.id()).orElseThrow();
        });
    }

    public List<AuditEntry> auditLog(User viewer, String action, long before, int limit) {
        permissions.require(viewer, Right.READ_AUDIT_LOG);
        return database.reader().withExtension(AuditStore.class, log -> log.list(before, action, limit));
    }

    /** Whether someone can administer the wiki (an import alone creates only the system account). */
    public boolean hasAnyAdmin() {
        return database.reader().withExtension(UserStore.class, UserStore::countActiveAdmins) > 0;
    }

    private User insert(String name, String displayName, String credentials, Role role, AccountStatus status,
                        String passwordHash, boolean mustChangePassword) {
        String display = ProfileText.clean("display_name", displayName, DISPLAY_NAME_MAX);
        String creds = ProfileText.clean("credentials", credentials, CREDENTIALS_MAX);
        return database.writer().inTransaction(handle -> {
            UserStore users = handle.attach(UserStore.class);
            if (users.findByKey(UserNames.key(name)).isPresent()) {
                throw new ConflictException("username_taken", "The user name \"" + name + "\" is taken.");
            }
            long id = users.insert(name, UserNames.key(name), display.isEmpty() ? name : display, creds, role.key(),
                    status.key(), passwordHash, mustChangePassword, clock.instant());
            return users.findById(id).orElseThrow();
        });
    }

    private void audit(Handle handle, Actor actor, String action, String target, String reason, String details) {
        handle.attach(AuditStore.class).record(actor, clock.instant(), action, target, reason, details);
    }
}
