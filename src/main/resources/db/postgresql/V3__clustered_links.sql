-- On SQLite, links and category memberships were rebuilt WITHOUT ROWID (clustered on their keys).
-- PostgreSQL's tables are heaps with B-tree keys either way: nothing to do, same schema meaning.
SELECT 1;
