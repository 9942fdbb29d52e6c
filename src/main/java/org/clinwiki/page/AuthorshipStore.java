package org.clinwiki.page;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for crediting revisions to another account (merging an imported author's). */
interface AuthorshipStore {

    @SqlUpdate("UPDATE revisions SET author_id = :toUserId WHERE author_id = :fromUserId")
    int move(long fromUserId, long toUserId);
}
