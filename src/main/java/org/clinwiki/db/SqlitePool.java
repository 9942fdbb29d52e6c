package org.clinwiki.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A pool of connections to the SQLite file, in WAL mode: {@code synchronous=FULL} syncs every
 * commit before it returns, and a writer waits up to five seconds for the lock before SQLITE_BUSY.
 */
final class SqlitePool {

    private SqlitePool() {
    }

    static HikariDataSource open(String name, String url, SQLiteConfig.TransactionMode mode,
                                         int size, int cacheKib, String initSql) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(5000);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(mode);
        sqlite.setCacheSize(-cacheKib);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);

        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }
}
