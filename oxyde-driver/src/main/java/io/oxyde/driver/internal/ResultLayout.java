package io.oxyde.driver.internal;

import io.oxyde.dialect.internal.ColumnReader;
import io.oxyde.dialect.internal.StorageFormat;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Objects;
import java.util.List;

/**
 * The column labels of a result and the reader chosen for each column: what
 * {@link StatementRunner} would otherwise work out from JDBC metadata for every result. It is
 * kept with a cached statement of a generated query (whose select list is fixed by its SQL) and
 * reused while the result has the same number of columns; SQLite's driver, for one, runs a
 * regular expression over the declared type of every column on every metadata call.
 *
 * @param columns the column labels, in result order (immutable)
 * @param readers one reader per column
 */
record ResultLayout(List<String> columns, ColumnReader[] readers) {

    /** Reads the layout of a result from its metadata. */
    public static ResultLayout of(ResultSetMetaData md, io.oxyde.dialect.Dialect dialect) throws SQLException {
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(Objects.requireNonNullElse(md.getColumnLabel(i), ""));
        }
        return new ResultLayout(List.copyOf(columns), StorageFormat.of(dialect).readers(md));
    }

    /** The number of columns. */
    public int size() {
        return readers.length;
    }
}
