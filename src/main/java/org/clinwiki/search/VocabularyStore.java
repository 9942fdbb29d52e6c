package org.clinwiki.search;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The administrators' synonym list, one row every node reads. */
interface VocabularyStore {

    String LOCAL = "local";

    @SqlQuery("SELECT text FROM vocabulary WHERE name = :name")
    Optional<String> text(@Bind("name") String name);

    @SqlUpdate("INSERT INTO vocabulary (name, text, updated_at) VALUES (:name, :text, :now) "
               + "ON CONFLICT (name) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at")
    void store(@Bind("name") String name, @Bind("text") String text, @Bind("now") long now);
}
