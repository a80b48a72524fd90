package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as each real database returns them through plain JDBC (SQLite: text dates, 0/1 booleans,
 * REAL decimals; PostgreSQL: java.sql types; MariaDB: TINYINT booleans, LocalDateTime) read
 * into the same model. The driver will produce typed values itself; this proves the reader
 * accepts the raw representations whatever the driver passes through.
 */
class DatabaseRepresentationsTest {

    enum Mood { HAPPY, SAD }

    record Other(Long id) {
    }

    record SampleRow(Long id, String title, BigDecimal price, boolean flag, LocalDate day, LocalDateTime atTime, Mood mood,
            Ref<Other> ref, String note) {
    }

    @AllDatabases
    void readsEachDatabasesRepresentations(TestDatabase db) throws Exception {
        String timestamp = db.kind() == DatabaseKind.MARIADB ? "DATETIME(6)" : "TIMESTAMP";
        List<String> columns = new ArrayList<>();
        List<List<Value>> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sample_row (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
                    + " price DECIMAL(10,2) NOT NULL, flag BOOLEAN NOT NULL, day DATE NOT NULL, at_time " + timestamp
                    + " NOT NULL, mood VARCHAR(10) NOT NULL, ref_id BIGINT, note VARCHAR(100))");
            s.execute("INSERT INTO sample_row VALUES (1, 'Back in Black', 9.99, TRUE, '1980-07-25',"
                    + " '2021-01-01 10:20:30.123456', 'HAPPY', 5, NULL)");
            s.execute("INSERT INTO sample_row VALUES (2, 'Highway to Hell', 10, FALSE, '1979-07-27',"
                    + " '2021-01-02 00:00:00', 'SAD', NULL, 'x')");
            try (ResultSet rs = s.executeQuery("SELECT * FROM sample_row ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                while (rs.next()) {
                    List<Value> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(jdbcValue(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        }
        List<SampleRow> read = ModelMapper.of(SampleRow.class).reader(columns).readAll(rows);
        assertThat(read).containsExactly(
                new SampleRow(1L, "Back in Black", new BigDecimal("9.99"), true, LocalDate.of(1980, 7, 25),
                        LocalDateTime.of(2021, 1, 1, 10, 20, 30, 123_456_000), Mood.HAPPY, Ref.id(5L), null),
                new SampleRow(2L, "Highway to Hell", read.get(1).price(), false, LocalDate.of(1979, 7, 27),
                        LocalDateTime.of(2021, 1, 2, 0, 0), Mood.SAD, null, "x"));
        assertThat(read.get(1).price()).isEqualByComparingTo("10");
    }

    /** What a JDBC object is as an IR value, with java.sql types turned into java.time. */
    private static Value jdbcValue(Object o) {
        if (o instanceof java.sql.Date d) {
            return new Value.Date(d.toLocalDate());
        }
        if (o instanceof java.sql.Timestamp t) {
            return new Value.DateTime(t.toLocalDateTime());
        }
        return Value.of(o);
    }
}
