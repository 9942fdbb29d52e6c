package org.clinwiki.error;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * The database could not be reached, or could not do the work now (a failover, a lock held too
 * long by another node, a serialization failure): nothing was written, and the same request can
 * succeed a moment later.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For a database that cannot be reached at all (at start): says where, and the driver's reason. */
    public static DatabaseUnavailableException cannotConnect(String where, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DatabaseUnavailableException("Cannot connect to " + where + ": " + root.getMessage(), cause);
    }

    /**
     * Whether {@code failure} means the database is unavailable for now rather than a bug: SQLite
     * busy past its timeout; on PostgreSQL a lost or refused connection (SQLSTATE class 08), a
     * serialization failure or deadlock (40001, 40P01), a lock or statement timeout (55P03, 57014),
     * a server shutting down or starting (57P01–57P03), too many connections (53300), or a read-only
     * server (25006: this node still talks to a primary that was demoted).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && (transientState(sql.getSQLState())
                    || sql.getErrorCode() == SQLITE_BUSY || sql.getErrorCode() == SQLITE_LOCKED)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P") || switch (state) {
            case "40001", "40P01", "55P03", "57014", "53300", "25006" -> true;
            default -> false;
        };
    }
}
