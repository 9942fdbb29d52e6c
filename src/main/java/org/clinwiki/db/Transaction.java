package org.clinwiki.db;

import org.jdbi.v3.core.Handle;

/**
 * One unit of work on the database, to attach stores to: every store attached to it reads
 * and writes on the same connection, and in a write, commits or rolls back together. Keeps
 * Jdbi inside {@code db} and the stores.
 */
public final class Transaction {

    private final Handle handle;

    Transaction(Handle handle) {
        this.handle = handle;
    }

    /** A store (an SQL object interface) on this unit of work's connection. */
    public <S> S attach(Class<S> store) {
        return handle.attach(store);
    }
}
