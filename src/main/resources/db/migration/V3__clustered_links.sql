-- Links and category memberships are only ever looked up by their keys: stored clustered on
-- the primary key (WITHOUT ROWID), each row lives in one B-tree instead of a table plus its
-- key index. Imports write about twenty links per page, so this halves that work.
CREATE TABLE links_clustered (
    from_page_id     BIGINT NOT NULL REFERENCES pages (id),
    target_namespace TEXT   NOT NULL,
    target_name      TEXT   NOT NULL,
    PRIMARY KEY (from_page_id, target_namespace, target_name)
) WITHOUT ROWID;
INSERT INTO links_clustered SELECT from_page_id, target_namespace, target_name FROM links;
DROP TABLE links;
ALTER TABLE links_clustered RENAME TO links;
CREATE INDEX links_target ON links (target_namespace, target_name);

CREATE TABLE category_members_clustered (
    page_id  BIGINT NOT NULL REFERENCES pages (id),
    category TEXT   NOT NULL,
    PRIMARY KEY (page_id, category)
) WITHOUT ROWID;
INSERT INTO category_members_clustered SELECT page_id, category FROM category_members;
DROP TABLE category_members;
ALTER TABLE category_members_clustered RENAME TO category_members;
CREATE INDEX category_members_category ON category_members (category, page_id);
