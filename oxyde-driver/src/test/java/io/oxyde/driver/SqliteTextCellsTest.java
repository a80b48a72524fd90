package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.ValueDecodeException;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cells other programs put in a SQLite TEXT column, read as text: numbers become their
 * digits, NULL stays NULL, and a blob is refused rather than returned as mangled text (which is
 * why each cell's storage class is asked for first, at the cost of one more native call).
 */
class SqliteTextCellsTest {

    @Test
    void numbersInATextColumnReadAsTheirDigitsAndABlobIsRefused() throws Exception {
        try (TestDatabases.Owned db = TestDatabases.open(DatabaseKind.SQLITE);
             DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE cells (id INTEGER PRIMARY KEY, note TEXT)");
            f.sql("INSERT INTO cells (id, note) VALUES (1, 'héllo ✓'), (2, 42), (3, 1.5), (4, NULL)");
            RowSet rows = DriverFixture.await(f.driver.query(DriverFixture.POOL,
                    DriverFixture.raw("SELECT note FROM cells ORDER BY id"), List.of(ValueKind.TEXT)));
            assertThat(rows.rows()).containsExactly(List.of(Value.of("héllo ✓")), List.of(Value.of("42")),
                    List.of(Value.of("1.5")), List.of(Value.Null.INSTANCE));

            f.sql("INSERT INTO cells (id, note) VALUES (5, X'FFFE00C3')");
            Throwable error = DriverFixture.failure(f.driver.query(DriverFixture.POOL,
                    DriverFixture.raw("SELECT note FROM cells ORDER BY id"), List.of(ValueKind.TEXT)));
            assertThat(error).isInstanceOf(ValueDecodeException.class).hasMessageContaining("column 'note'")
                    .hasMessageContaining("row 5");
        }
    }
}
