package io.oxyde.driver;

import io.oxyde.codec.ValueKind;
import java.sql.SQLException;
import java.util.List;

/**
 * Receives the rows of a query straight from the JDBC result set, one row at a time, instead
 * of a {@link io.oxyde.codec.RowSet} holding them all: the API turns each row into its model
 * as it is read (no copy of the result, no second pass), the way Jdbi's {@code RowMapper}
 * maps a row while the cursor is on it. The byte boundary uses a sink that collects the
 * {@code RowSet} it encodes. Each row is a {@link ResultRow} view of the cursor, so a sink that
 * reads longs and strings straight into its objects makes no {@code Value} per cell.
 *
 * <p>A sink belongs to one call: the driver calls {@link #start} when a result set opens (again
 * if a statement is run again, so start over then), then {@link #row} per row, on the thread
 * that reads the result; what the sink built is the caller's to take once the future
 * completes.
 */
public interface RowSink {

    /**
     * The kinds to read the result columns as (one per column; a {@code null} entry or a
     * shorter list leaves a column as read), or {@code null}: how a caller asks for DATE, UUID,
     * DECIMAL or TIMESTAMP from databases that store them as text or integers.
     */
    List<ValueKind> expectedKinds();

    /** A result opens with these column labels; forget any rows received before. */
    void start(List<String> columns);

    /**
     * One row: read its columns now (as values of the expected kinds, or typed, see
     * {@link ResultRow}); the view moves on to the next row when this returns, so do not keep it.
     *
     * @throws SQLException from the cursor, which fails the statement like any JDBC error
     */
    void row(ResultRow row) throws SQLException;
}
