package org.clinwiki.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the PostgreSQL database being copied into, read from its catalogue rather than
 * listed here, so a table or column a later migration adds is copied without touching this copy:
 * each table's columns and their types, its primary key, identity column and references to
 * itself, in an order in which every table comes after the tables it refers to.
 */
final class TargetSchema {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    // Generated columns are computed by PostgreSQL and cannot be inserted into.
    private static final String COLUMNS = """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'YES', c.is_identity = 'YES'
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated <> 'ALWAYS'
            ORDER BY c.table_name, c.ordinal_position""";

    private static final String PRIMARY_KEYS = """
            SELECT k.table_name, k.column_name
            FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema
                AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY'
            ORDER BY k.table_name, k.ordinal_position""";

    private static final String REFERENCES = """
            SELECT child.relname, parent.relname, cardinality(c.conkey), a.attname, pa.attname
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            ORDER BY child.relname, parent.relname""";

    record Column(String name, ColumnType type, boolean nullable) {
    }

    /**
     * One table to copy. {@code selfReferences} are columns referring to the table's own key (a
     * revision's parent, the user who blocked a user), whose key is then its one integer column.
     */
    record Table(String name, List<Column> columns, List<String> primaryKey, Optional<String> identity,
                 List<String> selfReferences) {

        int indexOf(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(name + " has no column " + column);
        }
    }

    private TargetSchema() {
    }

    /** The target's tables, Flyway's history aside, each after every table it refers to. */
    static List<Table> read(Connection target) throws SQLException {
        Map<String, List<Column>> columns = new TreeMap<>();
        Map<String, String> identities = new TreeMap<>();
        try (Statement statement = target.createStatement(); ResultSet rows = statement.executeQuery(COLUMNS)) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (table.equals(FLYWAY_HISTORY)) {
                    continue;
                }
                String column = rows.getString(2);
                String dataType = rows.getString(3);
                ColumnType type = ColumnType.of(dataType).orElseThrow(() -> new CopyFailedException(
                        "migrate-db cannot copy " + table + "." + column + ", of type " + dataType + "."));
                columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(column, type, rows.getBoolean(4)));
                if (rows.getBoolean(5)) {
                    identities.put(table, column);
                }
            }
        }
        Map<String, List<String>> keys = pairs(target, PRIMARY_KEYS);
        Map<String, Set<String>> parents = new TreeMap<>();
        Map<String, List<String>> selfReferences = new TreeMap<>();
        try (Statement statement = target.createStatement(); ResultSet rows = statement.executeQuery(REFERENCES)) {
            while (rows.next()) {
                String child = rows.getString(1);
                String parent = rows.getString(2);
                if (!child.equals(parent)) {
                    parents.computeIfAbsent(child, t -> new TreeSet<>()).add(parent);
                    continue;
                }
                List<String> key = keys.getOrDefault(child, List.of());
                if (rows.getInt(3) != 1 || !key.equals(List.of(rows.getString(5))) || !integer(columns.get(child), key.getFirst())) {
                    throw new CopyFailedException("migrate-db can copy a table referring to itself only through its one integer key, "
                            + "which " + child + "." + rows.getString(4) + " does not refer to.");
                }
                selfReferences.computeIfAbsent(child, t -> new ArrayList<>()).add(rows.getString(4));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (String name : ordered(columns.keySet(), parents)) {
            tables.add(new Table(name, List.copyOf(columns.get(name)), keys.getOrDefault(name, List.of()),
                    Optional.ofNullable(identities.get(name)), selfReferences.getOrDefault(name, List.of())));
        }
        return tables;
    }

    /** {@code name} as an SQL identifier, in quotes (both databases read them the same way). */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Every table after the tables it refers to (Kahn's algorithm, alphabetical among equals so
     * runs are alike). References between different tables that go round in a circle would need
     * rows inserted half-filled and completed later; the schema has none, so they are refused.
     */
    private static List<String> ordered(Set<String> tables, Map<String, Set<String>> parents) {
        Map<String, Set<String>> waitingFor = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> needed = new TreeSet<>(parents.getOrDefault(table, Set.of()));
            needed.retainAll(tables);
            waitingFor.put(table, needed);
        }
        List<String> order = new ArrayList<>();
        while (!waitingFor.isEmpty()) {
            Optional<String> next = waitingFor.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .sorted().findFirst();
            if (next.isEmpty()) {
                throw new CopyFailedException("migrate-db cannot order the tables " + String.join(", ", waitingFor.keySet())
                        + ": they refer to each other in a circle.");
            }
            order.add(next.get());
            waitingFor.remove(next.get());
            waitingFor.values().forEach(needed -> needed.remove(next.get()));
        }
        return order;
    }

    private static boolean integer(List<Column> columns, String name) {
        return columns != null && columns.stream()
                .anyMatch(c -> c.name().equals(name) && (c.type() == ColumnType.BIGINT || c.type() == ColumnType.INTEGER));
    }

    private static Map<String, List<String>> pairs(Connection target, String sql) throws SQLException {
        Map<String, List<String>> pairs = new TreeMap<>();
        try (Statement statement = target.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return pairs;
    }
}
