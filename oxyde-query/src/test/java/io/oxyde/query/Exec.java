package io.oxyde.query;

import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.oxyde.dialect.Dialect;

/** Runs a {@link RenderedQuery} over plain JDBC the way the driver will: the dialect's StorageFormat binds. */
final class Exec {

    /** What came back: rows (ROWS, RETURNING, COUNT, EXISTS, generated keys) and the update count. */
    record Result(List<Map<String, Object>> rows, long updateCount) {
        List<Object> column(String name) {
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                out.add(r.get(name));
            }
            return out;
        }

        List<Long> longs(String name) {
            List<Long> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Object v = r.get(name);
                out.add(v == null ? null : ((Number) v).longValue());
            }
            return out;
        }

        Object scalar() {
            if (rows.size() != 1 || rows.get(0).size() != 1) {
                throw new AssertionError("expected one value, got " + rows);
            }
            return rows.get(0).values().iterator().next();
        }
    }

    private Exec() {
    }

    static Dialect dialect(TestDatabase db) {
        return dialect(db.kind());
    }

    static Dialect dialect(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> Dialect.SQLITE;
            case POSTGRES -> Dialect.POSTGRES;
            default -> Dialect.MARIADB;
        };
    }

    static Result run(Connection c, RenderedQuery q, Dialect d) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        long count = 0;
        for (SqlStatement st : q.statements()) {
            boolean keys = q.resultKind() == ResultKind.UPDATE_COUNT_AND_GENERATED_KEYS;
            try (PreparedStatement ps = keys
                    ? c.prepareStatement(st.sql(), Statement.RETURN_GENERATED_KEYS)
                    : c.prepareStatement(st.sql())) {
                for (int i = 0; i < st.binds().size(); i++) {
                    io.oxyde.dialect.internal.StorageFormat.of(d).bind(ps, i + 1, st.binds().get(i), st.untyped().get(i));
                }
                switch (q.resultKind()) {
                    case UPDATE_COUNT -> count += ps.executeUpdate();
                    case UPDATE_COUNT_AND_GENERATED_KEYS -> {
                        count += ps.executeUpdate();
                        try (ResultSet rs = ps.getGeneratedKeys()) {
                            read(rs, rows);
                        }
                    }
                    case RETURNING_ROWS -> {
                        // execute(), not executeQuery(): Connector/J refuses the latter for INSERT … RETURNING.
                        ps.execute();
                        try (ResultSet rs = ps.getResultSet()) {
                            read(rs, rows);
                        }
                        count += rows.size();
                    }
                    default -> {
                        try (ResultSet rs = ps.executeQuery()) {
                            read(rs, rows);
                        }
                        count += rows.size();
                    }
                }
            }
        }
        return new Result(rows, count);
    }

    private static void read(ResultSet rs, List<Map<String, Object>> rows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
    }

    static void ddl(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
