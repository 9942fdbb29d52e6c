-- What several nodes on one database must share, kept in the database rather than in a node.

-- Rate limits (failed logins per account and address, logins, registrations, saves) as token
-- buckets: tokens left at refilled_at, refilled evenly to the capacity over the limit's period.
-- Used on PostgreSQL, where a limit must hold across every node; a single SQLite node keeps its
-- buckets in memory, and this table stays empty.
CREATE TABLE throttles (
    scope       TEXT             NOT NULL,
    key         TEXT             NOT NULL,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at BIGINT           NOT NULL,
    granted     BOOLEAN          NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The administrators' own additions to the clinical synonym list (Solr synonym format), so every
-- node indexes and searches with the same vocabulary. A node started with DATA/synonyms.txt stores
-- that file's list here.
CREATE TABLE vocabulary (
    name       TEXT   PRIMARY KEY,
    text       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Every page change moves the page_changes counter in its transaction: announce it on the
-- page_changes channel, delivered at commit (nothing for a rollback; several changes in one
-- transaction are one notification). Each node LISTENs and wakes its search index; a hint only,
-- nodes also poll.
CREATE FUNCTION notify_page_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('page_changes', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER sequences_notify AFTER UPDATE ON sequences
    FOR EACH ROW WHEN (NEW.name = 'page_changes' AND NEW.value <> OLD.value) EXECUTE FUNCTION notify_page_changes();
