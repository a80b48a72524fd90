package io.oxyde.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.RenderedQuery;
import io.oxyde.query.ResultKind;
import io.oxyde.query.SqlStatement;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC generated-keys path the renderer chooses for MySQL, which has no RETURNING. No MySQL
 * server runs here, so the runner is driven directly with that result kind on each database
 * (on MariaDB with the MYSQL dialect, i.e. exactly the MySQL code path over Connector/J) and
 * the keys are checked against the rows actually stored.
 */
class GeneratedKeysTest {

    @AllDatabases
    void generatedKeysMatchTheStoredRows(TestDatabase db) throws Exception {
        Dialect dialect;
        String ddl;
        switch (db.kind()) {
            case SQLITE:
                dialect = Dialect.SQLITE;
                ddl = "CREATE TABLE gk (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)";
                break;
            case POSTGRES:
                dialect = Dialect.POSTGRES;
                ddl = "CREATE TABLE gk (id BIGSERIAL PRIMARY KEY, name TEXT)";
                break;
            default:
                dialect = Dialect.MYSQL;
                ddl = "CREATE TABLE gk (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))";
        }
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
                s.execute("INSERT INTO gk (name) VALUES ('seed')");
            }
            StatementRunner runner = new StatementRunner("gk", dialect, null);
            boolean multiRow = db.kind() != DatabaseKind.SQLITE; // SQLite reports only the last rowid
            List<Value> binds = multiRow ? List.of(Value.of("a"), Value.of("b"), Value.of("c")) : List.of(Value.of("a"));
            String sql = multiRow ? "INSERT INTO gk (name) VALUES (?), (?), (?)" : "INSERT INTO gk (name) VALUES (?)";
            RenderedQuery q = new RenderedQuery(List.of(new SqlStatement(sql, binds)),
                    ResultKind.UPDATE_COUNT_AND_GENERATED_KEYS, List.of("id"));
            MutationResult r = (MutationResult) runner.run(c, q, null, new Work());
            assertThat(r.affected()).isEqualTo(binds.size());

            List<Value> stored = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id FROM gk WHERE name <> 'seed' ORDER BY id")) {
                while (rs.next()) {
                    stored.add(Value.of(rs.getLong(1)));
                }
            }
            assertThat(r.generatedKeys()).isEqualTo(stored);
            assertThat(r.returned().columns()).containsExactly("id");
            assertThat(r.returned().rows().stream().map(row -> row.get(0)).toList()).isEqualTo(stored);
        }
    }
}
