package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A queued change of a transcluded page: the pages using {@code title} still show what it said before. */
record TemplateChange(long id, Title title) {

    static final class Mapper implements RowMapper<TemplateChange> {
        @Override
        public TemplateChange map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TemplateChange(rs.getLong("id"), new Title(Namespace.ofKey(rs.getString("namespace")).orElseThrow(),
                    rs.getString("name")));
        }
    }
}
