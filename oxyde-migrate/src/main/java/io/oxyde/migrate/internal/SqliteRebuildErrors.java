package io.oxyde.migrate.internal;

import io.oxyde.migrate.IndexDefinition;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.UniqueDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a failed copy of a SQLite table rebuild in the user's terms: SQLite reports the internal
 * {@code _oxyde_new_<table>}; this names the real table, the constraint of the new shape, and for a
 * unique constraint one duplicated value (read from the old table, which is still there).
 */
final class SqliteRebuildErrors {
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: ([^)\\]]+)");
    private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: ([^)\\]\\s]+)");

    private SqliteRebuildErrors() {
    }

    private static final String COPY = "INSERT INTO \"" + SqliteDdl.REBUILD_PREFIX;

    /** The table whose rebuild copy {@code sql} is, or empty when it is another statement. */
    static Optional<String> copiedTable(String sql) {
        return sql.startsWith(COPY) ? Optional.of(sql.substring(COPY.length(), sql.indexOf('"', COPY.length())))
                : Optional.empty();
    }

    /** The explanation of {@code e} raised by {@code sql}, or empty when it is not a rebuild copy. */
    static Optional<String> explain(Connection c, String sql, SQLException e, Schema target) {
        Optional<String> copied = copiedTable(sql);
        if (copied.isEmpty() || e.getMessage() == null) {
            return Optional.empty();
        }
        String table = copied.get();
        String message = e.getMessage();
        Matcher unique = UNIQUE.matcher(message);
        if (unique.find()) {
            List<String> columns = Arrays.stream(unique.group(1).split(","))
                    .map(s -> s.trim().substring(s.trim().indexOf('.') + 1)).toList();
            return Optional.of("unique constraint " + uniqueName(target, table, columns) + " on " + table + " " + columns
                    + " cannot be enforced: " + duplicate(c, table, columns));
        }
        Matcher notNull = NOT_NULL.matcher(message);
        if (notNull.find()) {
            String column = notNull.group(1).substring(notNull.group(1).indexOf('.') + 1);
            return Optional.of("column " + table + "." + column + " cannot be NOT NULL: "
                    + count(c, "SELECT COUNT(*) FROM " + quote(table) + " WHERE " + quote(column) + " IS NULL")
                    + " rows of " + table + " hold NULL in it (give the column a default or fill it first)");
        }
        return Optional.of(message.replace(SqliteDdl.REBUILD_PREFIX + table, table) + " (while copying the rows of "
                + table + " into its new shape)");
    }

    private static String uniqueName(Schema target, String table, List<String> columns) {
        Optional<TableDefinition> t = target.table(table);
        if (t.isEmpty()) {
            return "(unnamed)";
        }
        return t.get().uniques().stream().filter(u -> u.columns().equals(columns)).map(UniqueDefinition::name)
                .findFirst().orElseGet(() -> t.get().indexes().stream().filter(i -> i.unique() && i.columns().equals(columns))
                        .map(IndexDefinition::name).findFirst().orElse("(unnamed)"));
    }

    private static String duplicate(Connection c, String table, List<String> columns) {
        StringJoiner cols = new StringJoiner(", ");
        columns.forEach(col -> cols.add(quote(col)));
        String sql = "SELECT " + cols + ", COUNT(*) FROM " + quote(table) + " GROUP BY " + cols
                + " HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT 1";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return "the existing rows hold duplicates";
            }
            StringJoiner value = new StringJoiner(", ", "(", ")");
            for (int i = 1; i <= columns.size(); i++) {
                String v = rs.getString(i);
                value.add(v == null ? "NULL" : DialectDdl.literal(v));
            }
            return "value " + value + " appears in " + rs.getLong(columns.size() + 1) + " rows of " + table;
        } catch (SQLException ex) {
            return "the existing rows hold duplicates";
        }
    }

    private static String count(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getLong(1)) : "some";
        } catch (SQLException ex) {
            return "some";
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
