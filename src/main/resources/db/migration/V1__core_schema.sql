-- Clinwiki core schema. Portable SQL: it runs on SQLite and PostgreSQL alike, except for
-- ${id}, the auto-increment primary key, which Database supplies per database.
-- Timestamps are epoch milliseconds (UTC) in BIGINT columns.

CREATE TABLE users (
    id                   ${id},
    name                 TEXT    NOT NULL,
    name_key             TEXT    NOT NULL UNIQUE,        -- lower-cased: names are unique ignoring case
    display_name         TEXT    NOT NULL,
    credentials          TEXT    NOT NULL DEFAULT '',
    role                 TEXT    NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    status               TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'system')),
    password_hash        TEXT,                           -- NULL: the account cannot log in
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           BIGINT  NOT NULL,
    blocked_at           BIGINT,
    blocked_until        BIGINT,                         -- NULL with blocked_at set: blocked indefinitely
    block_reason         TEXT,
    blocked_by           BIGINT REFERENCES users (id)
);

-- Bearer tokens and (later) browser sessions. Only a SHA-256 of the secret is stored.
CREATE TABLE api_tokens (
    id           ${id},
    user_id      BIGINT NOT NULL REFERENCES users (id),
    token_hash   TEXT   NOT NULL UNIQUE,
    kind         TEXT   NOT NULL CHECK (kind IN ('api', 'session')),
    label        TEXT   NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    expires_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    created_from TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE pages (
    id                 ${id},
    namespace          TEXT   NOT NULL,                  -- Namespace.key(): main, talk, user, category, help
    name               TEXT   NOT NULL,                  -- the title after its namespace prefix
    latest_revision_id BIGINT,                           -- NULL only inside the transaction creating the page
    created_at         BIGINT NOT NULL,
    touched_at         BIGINT NOT NULL,
    edit_role          TEXT   NOT NULL DEFAULT 'editor' CHECK (edit_role IN ('editor', 'admin')),
    deleted_at         BIGINT,
    deleted_by         BIGINT REFERENCES users (id),
    delete_reason      TEXT,
    UNIQUE (namespace, name)
);

-- Immutable: rows are inserted, never updated or deleted.
CREATE TABLE revisions (
    id                 ${id},
    page_id            BIGINT  NOT NULL REFERENCES pages (id),
    parent_id          BIGINT REFERENCES revisions (id),
    author_id          BIGINT  NOT NULL REFERENCES users (id),
    author_credentials TEXT    NOT NULL DEFAULT '',      -- the author's credentials as they were at the edit
    created_at         BIGINT  NOT NULL,
    summary            TEXT    NOT NULL,
    minor              BOOLEAN NOT NULL,
    size               INTEGER NOT NULL,                 -- UTF-8 bytes of content
    sha1               TEXT    NOT NULL,                 -- hex SHA-1 of the UTF-8 content
    content            TEXT    NOT NULL
);
CREATE INDEX revisions_page ON revisions (page_id, id);
CREATE INDEX revisions_author ON revisions (author_id, id);

-- Derived from each page's latest revision, rewritten in the same transaction as the save.
CREATE TABLE links (
    from_page_id     BIGINT NOT NULL REFERENCES pages (id),
    target_namespace TEXT   NOT NULL,
    target_name      TEXT   NOT NULL,
    PRIMARY KEY (from_page_id, target_namespace, target_name)
);
CREATE INDEX links_target ON links (target_namespace, target_name);

CREATE TABLE category_members (
    page_id  BIGINT NOT NULL REFERENCES pages (id),
    category TEXT   NOT NULL,                            -- the category's name, without "Category:"
    PRIMARY KEY (page_id, category)
);
CREATE INDEX category_members_category ON category_members (category, page_id);

CREATE TABLE redirects (
    page_id          BIGINT PRIMARY KEY REFERENCES pages (id),
    target_namespace TEXT   NOT NULL,
    target_name      TEXT   NOT NULL
);
CREATE INDEX redirects_target ON redirects (target_namespace, target_name);

CREATE TABLE audit_log (
    id         ${id},
    created_at BIGINT NOT NULL,
    actor_id   BIGINT REFERENCES users (id),
    actor_name TEXT   NOT NULL,                          -- kept as typed, e.g. for failed logins
    action     TEXT   NOT NULL,
    target     TEXT   NOT NULL DEFAULT '',
    address    TEXT   NOT NULL DEFAULT '',
    reason     TEXT   NOT NULL DEFAULT '',
    details    TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_action ON audit_log (action, id);
