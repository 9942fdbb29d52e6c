package org.clinwiki.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.db.Database;

/**
 * Who a request's token or session cookie belongs to, and the signed-in user's own sessions:
 * listing them, revoking one, logging out ({@link Logins} issues them). Thread-safe.
 */
public final class Sessions {

    private final Database database;
    private final Clock clock;

    public Sessions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The user a bearer token belongs to, if the token is valid and unexpired. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.read(UserStore.class,
                users -> users.findByToken(Tokens.hash(token.strip()), clock.instant()));
    }

    /** The acting user's live tokens and sessions, newest first; {@code currentToken} marks the one in use. */
    public List<Session> sessions(Actor actor, String currentToken) {
        String currentHash = currentToken == null ? "" : Tokens.hash(currentToken);
        return database.read(TokenStore.class, store -> store.live(actor.user().id(), clock.instant()))
                .stream()
                .map(stored -> stored.tokenHash().equals(currentHash) ? stored.session().asCurrent() : stored.session())
                .toList();
    }

    /** Revokes one of the acting user's own tokens or sessions; it stops working at once. */
    public void revokeSession(Actor actor, long id) {
        Instant now = clock.instant();
        database.update(handle -> {
            if (handle.attach(TokenStore.class).revokeById(id, actor.user().id(), now) == 0) {
                throw new SessionNotFoundException(id);
            }
            new AuditLog(handle).record(actor.audited(), now, "revoke_session", actor.user().name(), "", "session " + id);
        });
    }

    /** Revokes a token; it stops working at once. */
    public void logout(String token) {
        database.update(handle -> handle.attach(TokenStore.class).revoke(Tokens.hash(token), clock.instant()));
    }
}
