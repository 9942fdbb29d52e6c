package org.clinwiki.user;

import org.clinwiki.limit.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.error.ConflictException;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Throttle;

/**
 * Accounts: creating and registering them (with names no reader could mistake for another's),
 * finding them, and setting a password from the command line. {@link Logins} checks passwords
 * and issues tokens, {@link Sessions} follows them, {@link UserAdministration} approves, blocks
 * and changes roles. Thread-safe.
 */
public final class UserService {

    static final int DISPLAY_NAME_MAX = 80;
    private static final int CREDENTIALS_MAX = 120;

    private final Database database;
    private final Passwords passwords;
    private final Tokens tokens;
    private final Clock clock;
    private final RegistrationMode registration;
    private final Confusables confusables = new Confusables();
    private final Throttle registrations;

    public UserService(Database database, Passwords passwords, Tokens tokens, Clock clock,
                       RegistrationMode registration, Limits limits) {
        this.registrations = Throttle.shared(database, "registrations", limits.registrationsPerHour(), Duration.ofHours(1), clock);
        this.database = database;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.registration = registration;
    }

    /** Creates an active account that logs in with {@code password} (the command line's {@code user add}). */
    public User create(String name, String displayName, String credentials, Role role, String password) {
        UserNames.check(name);
        PasswordPolicy.check(name, password);
        requireDistinct(name, displayName);
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

    /** Who may create accounts through the site. */
    public RegistrationMode registration() {
        return registration;
    }

    /**
     * Registers an account through the site, as the registration setting allows. Throttled per
     * address: each registration costs a password hash, and a flood of accounts would hide the
     * real requests among those waiting for approval.
     */
    public User register(String name, String password, String displayName, String credentials, String address) {
        if (registration == RegistrationMode.CLOSED) {
            throw new PermissionDeniedException("registration_closed", "Registration is closed; ask an administrator for an account.");
        }
        UserNames.check(name);
        PasswordPolicy.check(name, password);
        registrations.take("address:" + address, "too_many_registrations",
                "Too many accounts were registered from your address in the last hour.");
        requireDistinct(name, displayName);
        AccountStatus status = registration == RegistrationMode.OPEN ? AccountStatus.ACTIVE : AccountStatus.PENDING;
        User user = insert(name, displayName, credentials, Role.EDITOR, status, passwords.hash(password), false);
        database.update(handle -> new AuditLog(handle).record(new Actor(user, address).audited(), clock.instant(), "register", user.name(), "", status.key()));
        return user;
    }

    public Optional<User> find(String name) {
        if (name == null || !UserNames.isValid(name)) {
            return Optional.empty();
        }
        return database.read(UserStore.class, users -> users.findByKey(UserNames.key(name)));
    }

    public User require(String name) {
        return find(name).orElseThrow(() -> new UserNotFoundException(name));
    }

    /** Sets a password from the command line (no current password needed). */
    public void resetPassword(String name, String newPassword) {
        User user = require(name);
        PasswordPolicy.check(user.name(), newPassword);
        String hash = passwords.hash(newPassword);
        database.update(handle -> {
            handle.attach(UserStore.class).setPassword(user.id(), hash, false);
            handle.attach(TokenStore.class).revokeAll(user.id(), clock.instant());
        });
    }

    /**
     * From the command line: lets an account waiting for approval, or made for an imported
     * author, log in with this password.
     */
    public void activate(String name, String newPassword) {
        User user = require(name);
        PasswordPolicy.check(user.name(), newPassword);
        String hash = passwords.hash(newPassword);
        database.update(handle -> {
            UserStore users = handle.attach(UserStore.class);
            if (user.status() == AccountStatus.PENDING) {
                users.setStatus(user.id(), AccountStatus.ACTIVE.key());
            }
            users.setPassword(user.id(), hash, false);
            new AuditLog(handle).record(new Actor(user, "local").audited(), clock.instant(), "activate", user.name(), "", "command line");
        });
    }

    /** Whether someone can administer the wiki (an import alone creates only the system account). */
    public boolean hasAnyAdmin() {
        return database.read(UserStore.class, UserStore::countActiveAdmins) > 0;
    }

    /**
     * Gives accounts made before user names had confusable skeletons theirs. Runs when the wiki
     * opens; after the first time there is nothing to do.
     */
    public void completeNameSkeletons() {
        database.update(handle -> {
            UserStore users = handle.attach(UserStore.class);
            for (User user : users.withoutSkeleton()) {
                users.setSkeleton(user.id(), confusables.skeleton(user.name()));
            }
        });
    }

    /**
     * Refuses a new account whose name, or display name, a reader could mistake for an existing
     * account's name: "bоss" (Cyrillic о) beside "boss", or anyone calling themselves "boss".
     * Checked before the password is hashed, and again as the account is written.
     */
    private void requireDistinct(String name, String displayName) {
        database.read(UserStore.class, users -> {
            checkDistinct(users, name, displayName);
            return null;
        });
    }

    private void checkDistinct(UserStore users, String name, String displayName) {
        Optional<User> lookalike = users.findBySkeleton(confusables.skeleton(name))
                .filter(existing -> !UserNames.key(existing.name()).equals(UserNames.key(name)));
        if (lookalike.isPresent()) {
            throw new ConflictException("username_confusable",
                    "The user name \"" + name + "\" looks too much like the existing account \"" + lookalike.get().name()
                            + "\"; choose another.");
        }
        String display = displayName == null ? "" : displayName.strip();
        if (!display.isEmpty()) {
            Optional<User> named = users.findBySkeleton(confusables.skeleton(display))
                    .filter(existing -> !UserNames.key(existing.name()).equals(UserNames.key(name)));
            if (named.isPresent()) {
                throw new ConflictException("display_name_confusable",
                        "The display name \"" + display + "\" looks like the user name of another account; choose another.");
            }
        }
    }

    private User insert(String name, String displayName, String credentials, Role role, AccountStatus status,
                        String passwordHash, boolean mustChangePassword) {
        String display = ProfileText.clean("display_name", displayName, DISPLAY_NAME_MAX);
        String creds = ProfileText.clean("credentials", credentials, CREDENTIALS_MAX);
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            if (users.findByKey(UserNames.key(name)).isPresent()) {
                throw new ConflictException("username_taken", "The user name \"" + name + "\" is taken.");
            }
            // Clinwiki's own account is not a person anyone could be fooled into trusting.
            if (status != AccountStatus.SYSTEM) {
                checkDistinct(users, name, display);
            }
            long id = users.insert(name, UserNames.key(name), confusables.skeleton(name), display.isEmpty() ? name : display, creds,
                    role.key(), status.key(), passwordHash, mustChangePassword, clock.instant());
            return users.findById(id).orElseThrow();
        });
    }

}
