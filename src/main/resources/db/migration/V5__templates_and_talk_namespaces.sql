-- Templates and MediaWiki's talk namespaces.
--
-- Talk pages of users, help pages and categories used to live in Talk: under their full title
-- ("Talk:User:Alice"); they move to their own talk namespaces ("User talk:Alice"), where
-- MediaWiki keeps them. Pages titled "Template:X" in the main namespace move to the new
-- Template namespace. Those namespaces were empty, so no name can clash; links follow.
UPDATE pages SET namespace = 'user_talk', name = substr(name, 6) WHERE namespace = 'talk' AND name LIKE 'User:_%' AND name NOT LIKE 'User: %';
UPDATE pages SET namespace = 'help_talk', name = substr(name, 6) WHERE namespace = 'talk' AND name LIKE 'Help:_%' AND name NOT LIKE 'Help: %';
UPDATE pages SET namespace = 'category_talk', name = substr(name, 10) WHERE namespace = 'talk' AND name LIKE 'Category:_%' AND name NOT LIKE 'Category: %';
UPDATE pages SET namespace = 'template', name = upper(substr(name, 10, 1)) || substr(name, 11)
    WHERE namespace = 'main' AND name LIKE 'Template:_%' AND name NOT LIKE 'Template: %';
UPDATE links SET target_namespace = 'user_talk', target_name = substr(target_name, 6) WHERE target_namespace = 'talk' AND target_name LIKE 'User:_%' AND target_name NOT LIKE 'User: %';
UPDATE links SET target_namespace = 'help_talk', target_name = substr(target_name, 6) WHERE target_namespace = 'talk' AND target_name LIKE 'Help:_%' AND target_name NOT LIKE 'Help: %';
UPDATE links SET target_namespace = 'category_talk', target_name = substr(target_name, 10) WHERE target_namespace = 'talk' AND target_name LIKE 'Category:_%' AND target_name NOT LIKE 'Category: %';
UPDATE links SET target_namespace = 'template', target_name = upper(substr(target_name, 10, 1)) || substr(target_name, 11)
    WHERE target_namespace = 'main' AND target_name LIKE 'Template:_%' AND target_name NOT LIKE 'Template: %';
-- Moved pages are changes: the search index and cached views follow them.
UPDATE sequences SET value = value + 1 WHERE name = 'page_changes';
UPDATE pages SET change_seq = (SELECT value FROM sequences WHERE name = 'page_changes')
    WHERE namespace IN ('user_talk', 'help_talk', 'category_talk', 'template');

-- The pages each page's latest revision transcludes ({{Name}} is Template:Name, {{:Page}} an
-- article), at any depth, including ones that do not exist yet: when one of them is saved,
-- created or deleted, the pages using it are brought up to date. Derived like links.
CREATE TABLE transclusions (
    from_page_id     BIGINT NOT NULL REFERENCES pages (id),
    target_namespace TEXT   NOT NULL,
    target_name      TEXT   NOT NULL,
    PRIMARY KEY (from_page_id, target_namespace, target_name)
);
CREATE INDEX transclusions_target ON transclusions (target_namespace, target_name);

-- Templates changed whose users' links, categories and search documents still show the old
-- text. Written in the same transaction as the change, worked off in id order in the
-- background, so the refresh survives a restart.
CREATE TABLE template_changes (
    id               ${id},
    target_namespace TEXT   NOT NULL,
    target_name      TEXT   NOT NULL,
    created_at       BIGINT NOT NULL
);
