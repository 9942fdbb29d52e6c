package org.clinwiki.limit;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Token buckets in PostgreSQL, each taken or refunded in one atomic statement, so two nodes
 * taking the last token of one bucket at once cannot both get it.
 */
interface ThrottleStore {

    /** What a take left: the tokens after it, and whether it got one. */
    record Taken(double tokens, boolean granted) {
    }

    // Every SET expression sees the row as it was, so "refilled" is the same value in each.
    // A node whose clock is behind adds nothing rather than taking tokens away.
    @SqlQuery("""
            INSERT INTO throttles AS t (scope, key, tokens, refilled_at, granted)
            VALUES (:scope, :key, :capacity - 1, :now, TRUE)
            ON CONFLICT (scope, key) DO UPDATE SET
                tokens = CASE WHEN LEAST(:capacity, t.tokens + GREATEST(0, :now - t.refilled_at) * :perMilli) >= 1
                              THEN LEAST(:capacity, t.tokens + GREATEST(0, :now - t.refilled_at) * :perMilli) - 1
                              ELSE LEAST(:capacity, t.tokens + GREATEST(0, :now - t.refilled_at) * :perMilli) END,
                granted = LEAST(:capacity, t.tokens + GREATEST(0, :now - t.refilled_at) * :perMilli) >= 1,
                refilled_at = GREATEST(t.refilled_at, :now)
            RETURNING tokens, granted""")
    @RegisterConstructorMapper(Taken.class)
    Taken take(@Bind("scope") String scope, @Bind("key") String key, @Bind("capacity") double capacity,
               @Bind("perMilli") double perMilli, @Bind("now") long now);

    @SqlUpdate("UPDATE throttles SET tokens = LEAST(:capacity, tokens + 1) WHERE scope = :scope AND key = :key")
    void refund(@Bind("scope") String scope, @Bind("key") String key, @Bind("capacity") double capacity);

    /** Forgets buckets untouched for a whole period: they are full again, as a missing one is. */
    @SqlUpdate("DELETE FROM throttles WHERE scope = :scope AND refilled_at < :before")
    int forget(@Bind("scope") String scope, @Bind("before") long before);
}
