package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import io.oxyde.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed reads of {@link ResultRow} on a real cursor: a column whose storage is the kind asked
 * for is read straight (no {@code Value}), one whose storage differs answers CONVERT and its
 * value is then exactly what the general road gives, NULL is NULL, and on SQLite a cell read by a
 * typed read that did not match is converted without being lost (rows written by plain SQL, with
 * storage classes other than the column's).
 */
class ResultRowTest {

    private static final List<ValueKind> KINDS = List.of(ValueKind.INT, ValueKind.TEXT, ValueKind.DECIMAL,
            ValueKind.FLOAT);

    /** What one row answered: per column, the typed read's state and what it read (or the value). */
    private static final class Recording implements RowSink {
        final List<List<Object>> rows = new ArrayList<>();

        @Override
        public List<ValueKind> expectedKinds() {
            return KINDS;
        }

        @Override
        public void start(List<String> columns) {
            rows.clear();
        }

        @Override
        public void row(ResultRow row) throws SQLException {
            List<Object> out = new ArrayList<>();
            out.add(typed(row.readLong(0), row, 0, row.longValue()));
            int asLong = row.readLong(1); // a text column as a long: never READ
            out.add(asLong == ResultRow.READ ? "READ" : asLong == ResultRow.NULL ? Value.Null.INSTANCE : row.value(1));
            out.add(typed(row.readDecimal(2), row, 2, row.decimalValue()));
            boolean nullFirst = row.isNull(3);
            out.add(nullFirst ? "NULL" : typed(row.readDouble(3), row, 3, row.doubleValue()));
            rows.add(out);
        }

        private static Object typed(int state, ResultRow row, int i, Object read) throws SQLException {
            if (state == ResultRow.READ) {
                return read;
            }
            Value value = state == ResultRow.NULL ? Value.Null.INSTANCE : row.value(i);
            return value instanceof Value.Null ? "NULL" : value; // a column not read straight may answer NULL by its value
        }
    }

    private static String ddl(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> "CREATE TABLE cells (id INTEGER PRIMARY KEY, note TEXT, price TEXT, ratio REAL)";
            case POSTGRES -> "CREATE TABLE cells (id BIGINT PRIMARY KEY, note TEXT, price NUMERIC(10,2),"
                    + " ratio DOUBLE PRECISION)";
            default -> "CREATE TABLE cells (id BIGINT PRIMARY KEY, note TEXT, price DECIMAL(10,2), ratio DOUBLE)";
        };
    }

    @AllDatabases
    void columnsOfTheWantedKindAreReadStraightAndOthersThroughTheirValue(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql(ddl(db.kind()));
            f.sql("INSERT INTO cells (id, note, price, ratio) VALUES (9007199254740993, 'héllo ✓', '12.50', 0.25),"
                    + " (2, NULL, NULL, NULL)");
            Recording sink = new Recording();
            DriverFixture.await(f.driver.read(DriverFixture.POOL, IrCodec.encode(
                    DriverFixture.raw("SELECT id, note, price, ratio FROM cells ORDER BY id DESC")), sink));

            Object price = db.kind() == DatabaseKind.SQLITE
                    ? new Value.Decimal(new BigDecimal("12.50")) // stored as text: converted from its value
                    : new BigDecimal("12.50"); // read straight with getBigDecimal
            assertThat(sink.rows).containsExactly(
                    List.of(9007199254740993L, new Value.Text("héllo ✓"), price, 0.25),
                    List.of(2L, Value.Null.INSTANCE, "NULL", "NULL"));
        }
    }

    /** Only SQLite lets a cell's storage class differ from its column's, so this runs there alone. */
    @Test
    void sqliteCellsOfAnotherStorageClassAreConvertedNotLost() throws Exception {
        try (TestDatabases.Owned db = TestDatabases.open(DatabaseKind.SQLITE);
             DriverFixture f = new DriverFixture(db)) {
            f.sql(ddl(DatabaseKind.SQLITE));
            // as other programs write them: the number 42 into the TEXT column (stored as the text
            // '42'), the text '7' as a price, the integer 3 into the REAL column (stored as 3.0)
            f.sql("INSERT INTO cells (id, note, price, ratio) VALUES (1, 42, '7', 3)");
            Recording sink = new Recording();
            DriverFixture.await(f.driver.read(DriverFixture.POOL, IrCodec.encode(
                    DriverFixture.raw("SELECT id, note, price, ratio FROM cells")), sink));
            // note read as a long answers CONVERT and its value is the text; the price text is converted
            // to a decimal; the ratio is read straight as a double
            assertThat(sink.rows).containsExactly(
                    List.of(1L, new Value.Text("42"), new Value.Decimal(new BigDecimal("7")), 3.0));
        }
    }
}
