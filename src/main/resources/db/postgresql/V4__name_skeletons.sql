-- Each account's user name as ICU's confusable skeleton (of the lower-cased name), so a new name
-- that only looks like an existing one ("bоss" with a Cyrillic "о" for "boss") is found by one
-- indexed lookup. Accounts made before this migration get theirs when the wiki next opens.
ALTER TABLE users ADD COLUMN name_skeleton TEXT;
CREATE INDEX users_name_skeleton ON users (name_skeleton);
