-- Wikis moved in from MediaWiki. Pages titled "Project:X" in the main namespace move to the new
-- Project namespace (that namespace was empty, so no name can clash); links follow.
UPDATE pages SET namespace = 'project', name = upper(substr(name, 9, 1)) || substr(name, 10)
    WHERE namespace = 'main' AND name LIKE 'Project:_%' AND name NOT LIKE 'Project: %';
UPDATE pages SET namespace = 'project_talk', name = substr(name, 9)
    WHERE namespace = 'talk' AND name LIKE 'Project:_%' AND name NOT LIKE 'Project: %';
UPDATE links SET target_namespace = 'project', target_name = upper(substr(target_name, 9, 1)) || substr(target_name, 10)
    WHERE target_namespace = 'main' AND target_name LIKE 'Project:_%' AND target_name NOT LIKE 'Project: %';
UPDATE links SET target_namespace = 'project_talk', target_name = substr(target_name, 9)
    WHERE target_namespace = 'talk' AND target_name LIKE 'Project:_%' AND target_name NOT LIKE 'Project: %';
UPDATE sequences SET value = value + 1 WHERE name = 'page_changes';
UPDATE pages SET change_seq = (SELECT value FROM sequences WHERE name = 'page_changes')
    WHERE namespace IN ('project', 'project_talk');

-- One row per wiki imported from, known by its database name (or address) from the dump's
-- <siteinfo>, so a newer dump of the same wiki adds only what is new.
CREATE TABLE import_sources (
    id                ${id},
    name              TEXT   NOT NULL UNIQUE,
    site_name         TEXT   NOT NULL,
    base_url          TEXT   NOT NULL DEFAULT '',
    generator         TEXT   NOT NULL DEFAULT '',
    namespaces        TEXT   NOT NULL DEFAULT '',     -- the source's namespace names, "number<TAB>name" lines, for reconvert
    first_imported_at BIGINT NOT NULL,
    last_imported_at  BIGINT NOT NULL
);

-- Each imported revision's origin and its original wikitext, so the conversion can be redone
-- after the converter improves (reconvert) without touching history or authorship, and a second
-- import of the same dump finds every revision it already holds. sha1 is the dump's (base 36),
-- checked against the wikitext when the revision was imported.
CREATE TABLE imported_revisions (
    revision_id        BIGINT  PRIMARY KEY REFERENCES revisions (id),
    source_id          BIGINT  NOT NULL REFERENCES import_sources (id),
    source_revision_id BIGINT  NOT NULL,
    source_page_id     BIGINT  NOT NULL,
    source_sha1        TEXT    NOT NULL DEFAULT '',
    converter_version  INTEGER NOT NULL,
    wikitext           TEXT    NOT NULL,
    UNIQUE (source_id, source_revision_id)
);

-- What an import could not carry over as it was: page, revision, construct, what was done.
CREATE TABLE import_report (
    id                 ${id},
    source_id          BIGINT NOT NULL REFERENCES import_sources (id),
    created_at         BIGINT NOT NULL,
    page               TEXT   NOT NULL,                 -- the title as imported, with its prefix
    source_revision_id BIGINT,                          -- NULL for what concerns the page or the run
    construct          TEXT   NOT NULL,
    action             TEXT   NOT NULL
);
CREATE INDEX import_report_construct ON import_report (construct);
CREATE INDEX import_report_page ON import_report (page, id);

-- Authors of imported revisions get accounts that cannot log in (no password, pending) until
-- an administrator activates them or merges them into a real account.
-- imported_name is the author's name there ('' for anonymous editors), so a second import finds
-- the same account whatever it is called here.
ALTER TABLE users ADD COLUMN imported_from BIGINT REFERENCES import_sources (id);
ALTER TABLE users ADD COLUMN imported_name TEXT;
CREATE INDEX users_imported ON users (imported_from, imported_name);
