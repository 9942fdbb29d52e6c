-- Every change to a page (save, revert, deletion, restore) takes the next number of the
-- page_changes sequence into pages.change_seq. Derived stores such as the search index
-- remember the last number they applied and catch up from there. A counter row, locked by every
-- write transaction, never a SEQUENCE: sequence numbers commit out of order, and a follower reading
-- "change_seq > last" would skip the change that committed late.

CREATE TABLE sequences (
    name  TEXT   PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('page_changes', 0);

ALTER TABLE pages ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
UPDATE pages SET change_seq = id;
UPDATE sequences SET value = (SELECT COALESCE(MAX(id), 0) FROM pages) WHERE name = 'page_changes';
CREATE INDEX pages_change_seq ON pages (change_seq);
