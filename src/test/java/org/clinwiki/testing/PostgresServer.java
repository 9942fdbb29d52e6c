package org.clinwiki.testing;

/** Temporary stand-in until the real harness lands: the developer's cluster on port 55432. */
public final class PostgresServer {
    private static final PostgresServer SHARED = new PostgresServer();

    public static PostgresServer shared() {
        return SHARED;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:55432/" + database + "?user=postgres";
    }
}
