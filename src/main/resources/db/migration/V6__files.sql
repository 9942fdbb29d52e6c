-- Files. A file's name is a title in the File namespace; its description is the File: page,
-- an ordinary page with history. Pages titled "File:X" in the main namespace move there
-- (that namespace was empty, so no name can clash); links follow.
UPDATE pages SET namespace = 'file', name = upper(substr(name, 6, 1)) || substr(name, 7)
    WHERE namespace = 'main' AND name LIKE 'File:_%' AND name NOT LIKE 'File: %';
UPDATE pages SET namespace = 'file_talk', name = substr(name, 6)
    WHERE namespace = 'talk' AND name LIKE 'File:_%' AND name NOT LIKE 'File: %';
UPDATE links SET target_namespace = 'file', target_name = upper(substr(target_name, 6, 1)) || substr(target_name, 7)
    WHERE target_namespace = 'main' AND target_name LIKE 'File:_%' AND target_name NOT LIKE 'File: %';
UPDATE links SET target_namespace = 'file_talk', target_name = substr(target_name, 6)
    WHERE target_namespace = 'talk' AND target_name LIKE 'File:_%' AND target_name NOT LIKE 'File: %';
UPDATE sequences SET value = value + 1 WHERE name = 'page_changes';
UPDATE pages SET change_seq = (SELECT value FROM sequences WHERE name = 'page_changes')
    WHERE namespace IN ('file', 'file_talk');

-- Each distinct content once, by its SHA-256 (hex): a re-upload of the same bytes, or a revert
-- to an old version, adds no bytes. The database holds the originals, so a backup of it is a
-- backup of the wiki and nodes on one database share files without a shared disk.
CREATE TABLE file_blobs (
    sha256     TEXT   PRIMARY KEY,
    size       BIGINT NOT NULL,
    content    BLOB   NOT NULL
);

-- Immutable: every upload, re-upload and revert adds a version; none is changed. The revision
-- is the File: page's revision that records the upload (its author, time and summary are the
-- upload's), so uploads show in history, recent changes and contributions like any edit.
CREATE TABLE file_versions (
    id           ${id},
    page_id      BIGINT  NOT NULL REFERENCES pages (id),
    revision_id  BIGINT  NOT NULL REFERENCES revisions (id),
    sha256       TEXT    NOT NULL REFERENCES file_blobs (sha256),
    size         BIGINT  NOT NULL,
    media_type   TEXT    NOT NULL,
    width        INTEGER NOT NULL,                     -- pixels; 0 when not an image
    height       INTEGER NOT NULL,
    comment      TEXT    NOT NULL,
    reverted_from BIGINT REFERENCES file_versions (id)
);
CREATE INDEX file_versions_page ON file_versions (page_id, id);
