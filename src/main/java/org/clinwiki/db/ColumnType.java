package org.clinwiki.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * How a column's values travel from SQLite to PostgreSQL, by the target column's type: SQLite
 * keeps booleans as 0 and 1 and has no types to speak of, so the target's type decides how each
 * value is read and bound.
 */
enum ColumnType {
    BOOLEAN(Types.BOOLEAN),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    DOUBLE(Types.DOUBLE),
    NUMERIC(Types.NUMERIC),
    TEXT(Types.VARCHAR),
    BYTES(Types.BINARY);

    private final int sqlType;

    ColumnType(int sqlType) {
        this.sqlType = sqlType;
    }

    /** The type for PostgreSQL's {@code information_schema.columns.data_type}, if it is one this copy knows. */
    static Optional<ColumnType> of(String dataType) {
        return Optional.ofNullable(switch (dataType) {
            case "boolean" -> BOOLEAN;
            case "smallint", "integer" -> INTEGER;
            case "bigint" -> BIGINT;
            case "real", "double precision" -> DOUBLE;
            case "numeric" -> NUMERIC;
            case "text", "character varying", "character" -> TEXT;
            case "bytea" -> BYTES;
            default -> null;
        });
    }

    /** The value in column {@code index} of the source's current row, or null. */
    Object read(ResultSet row, int index) throws SQLException {
        Object value = switch (this) {
            case BOOLEAN -> row.getLong(index) != 0;
            case INTEGER -> row.getInt(index);
            case BIGINT -> row.getLong(index);
            case DOUBLE -> row.getDouble(index);
            case NUMERIC -> row.getBigDecimal(index);
            case TEXT -> row.getString(index);
            case BYTES -> row.getBytes(index);
        };
        return row.wasNull() ? null : value;
    }

    /** Binds {@code value} (from {@link #read}, so possibly null) as parameter {@code index}. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value, sqlType);
    }

    /** About how many bytes {@code value} takes on the wire, to bound a batch's memory. */
    static long size(Object value) {
        return switch (value) {
            case null -> 1;
            case String text -> text.length();
            case byte[] bytes -> bytes.length;
            default -> 8;
        };
    }
}
