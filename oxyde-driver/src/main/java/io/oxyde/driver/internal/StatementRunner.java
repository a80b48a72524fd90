package io.oxyde.driver.internal;

import io.oxyde.driver.ResultRow;
import io.oxyde.driver.RowSink;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.ResultTooLargeException;
import io.oxyde.dialect.Dialect;
import io.oxyde.dialect.internal.StorageFormat;
import io.oxyde.query.RenderedQuery;
import io.oxyde.query.ResultKind;
import io.oxyde.query.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a rendered query on one connection: prepares each statement, binds its values through
 * the dialect's {@link StorageFormat}, arms the statement timeout, executes it the way its {@link ResultKind}
 * says, and reads the result into a {@link ResultFrame}. Every statement is logged at DEBUG on
 * {@code io.oxyde.sql} with its bind count and time (never the values).
 */
final class StatementRunner {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.oxyde.sql");
    private static final RowSet EMPTY = new RowSet(List.of(), List.of());

    private final String pool;
    private final Dialect dialect;
    private final StorageFormat format;
    private final Duration statementTimeout;
    private final int maxResultRows;
    private final StatementCache statements;

    /** A runner without a result-size limit or statement cache (every statement prepared anew). */
    public StatementRunner(String pool, Dialect dialect, Duration statementTimeout) {
        this(pool, dialect, statementTimeout, 0, new StatementCache(0, 1));
    }

    /**
     * @param maxResultRows most rows read from one result set; 0 for no limit
     * @param statements the pool's prepared-statement cache
     */
    public StatementRunner(String pool, Dialect dialect, Duration statementTimeout, int maxResultRows,
                           StatementCache statements) {
        this.statements = statements;
        this.pool = pool;
        this.dialect = dialect;
        this.format = StorageFormat.of(dialect);
        this.statementTimeout = statementTimeout;
        this.maxResultRows = maxResultRows;
    }

    /**
     * Runs every statement of {@code query} in order and merges their results.
     *
     * @param expected expected kinds of the result columns, or {@code null}
     * @throws SQLException from the driver (the caller classifies it)
     */
    public ResultFrame run(Connection connection, RenderedQuery query, List<ValueKind> expected, Work work)
            throws SQLException {
        return run(connection, query, expected, work, false);
    }

    /**
     * Like {@link #run(Connection, RenderedQuery, List, Work)}; {@code fixedColumns} says the
     * SQL was generated from a typed IR, so its result columns are fixed by its text and the
     * column layout may be kept with the cached statement (never for raw SQL, whose
     * {@code select *} can change with the schema).
     */
    public ResultFrame run(Connection connection, RenderedQuery query, List<ValueKind> expected, Work work,
                           boolean fixedColumns) throws SQLException {
        return run(connection, query, new RowSetSink(expected), work, fixedColumns);
    }

    /**
     * Like {@link #run(Connection, RenderedQuery, List, Work, boolean)}, with the rows of a
     * query going to {@code sink} as they are read: the frame returned then carries the columns
     * and no rows (a {@link RowSetSink} gets them all back as its frame). Mutations' RETURNING
     * rows are always collected into the {@link MutationResult}.
     */
    public ResultFrame run(Connection connection, RenderedQuery query, RowSink sink, Work work,
                           boolean fixedColumns) throws SQLException {
        List<SqlStatement> statements = query.statements();
        if (statements.size() == 1) {
            return runOne(connection, statements.get(0), query, sink, work, fixedColumns);
        }
        long affected = 0;
        List<Value> keys = new ArrayList<>();
        List<String> columns = List.of();
        List<List<Value>> rows = new ArrayList<>();
        ResultFrame last = null;
        for (SqlStatement s : statements) {
            last = runOne(connection, s, query, sink, work, fixedColumns);
            if (last instanceof MutationResult m) {
                affected += m.affected();
                keys.addAll(m.generatedKeys());
                if (!m.returned().columns().isEmpty()) {
                    columns = m.returned().columns();
                }
                rows.addAll(m.returned().rows());
            }
        }
        if (!(last instanceof MutationResult)) {
            return last;
        }
        return new MutationResult(affected, keys, rows.isEmpty() && columns.isEmpty() ? EMPTY : new RowSet(columns, rows));
    }

    /**
     * A statement Oxyde timed out or the caller cancelled fails, whatever the JDBC driver
     * answered: MariaDB's KILL QUERY makes {@code SLEEP} return 1 and {@code BENCHMARK} 0 as
     * if they had finished, and passing that on would hand the caller made-up data.
     */
    private static void refuseIfStopped(Work work) throws SQLException {
        if (work.timedOut()) {
            throw new SQLTimeoutException("cancelled by Oxyde's statement timeout (the driver returned a result"
                    + " for the cancelled statement; it is discarded)");
        }
        if (work.isCancelled()) {
            throw new CancellationException("cancelled while running (the driver's result is discarded)");
        }
    }

    private ResultFrame runOne(Connection connection, SqlStatement s, RenderedQuery query, RowSink sink,
                               Work work, boolean fixedColumns) throws SQLException {
        ResultKind kind = query.resultKind();
        JfrStatement jfr = new JfrStatement();
        jfr.begin();
        long start = System.nanoTime();
        StatementCache.Lease lease = statements.lease(connection, s.sql(), keysOf(kind, query.generatedKeyColumns()),
                query.generatedKeyColumns());
        PreparedStatement ps = lease.statement();
        ScheduledFuture<?> timer = null;
        boolean succeeded = false;
        ResultFrame result = null;
        Exception failure = null;
        try {
            work.ranSql(s.sql());
            bind(ps, s.binds(), lease, s.untyped());
            work.attach(ps);
            if (statementTimeout != null) {
                timer = Timers.timer().schedule(() -> work.timeout(ps), statementTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            ResultFrame frame = execute(ps, s.sql(), kind, query.generatedKeyColumns(), sink, work,
                    fixedColumns ? lease : null);
            refuseIfStopped(work);
            if (SQL_LOG.isDebugEnabled()) {
                SQL_LOG.debug("[{}] {} µs, {} binds: {}", pool, (System.nanoTime() - start) / 1_000,
                        s.binds().size(), s.sql());
            }
            succeeded = true;
            result = frame;
            return frame;
        } catch (SQLException | RuntimeException e) {
            if (SQL_LOG.isDebugEnabled()) {
                SQL_LOG.debug("[{}] failed after {} µs, {} binds: {} ({})", pool, (System.nanoTime() - start) / 1_000,
                        s.binds().size(), s.sql(), e.toString());
            }
            failure = e;
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            work.detach();
            lease.release(succeeded && !work.timedOut());
            if (dialect == Dialect.SQLITE && work.interruptedAStatement()) {
                statements.discard(connection);
            }
            if (jfr.shouldCommit()) {
                record(jfr, s, result, failure, work);
            }
        }
    }

    /** Fills and commits the JFR event (only when a recording wants it). */
    private void record(JfrStatement jfr, SqlStatement s, ResultFrame result, Exception failure, Work work) {
        jfr.pool = pool;
        jfr.dialect = dialect.name();
        jfr.sql = s.sql();
        jfr.binds = s.binds().size();
        jfr.succeeded = result != null;
        jfr.error = failure == null ? null : failure.getClass().getName();
        jfr.rows = result instanceof MutationResult m ? m.affected() : result instanceof RowSet ? work.rowsRead() : -1;
        jfr.commit();
    }

    private StatementCache.Keys keysOf(ResultKind kind, List<String> keyColumns) {
        if (kind != ResultKind.UPDATE_COUNT_AND_GENERATED_KEYS) {
            return StatementCache.Keys.NONE;
        }
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB || keyColumns.isEmpty()) {
            // Connector/J returns the auto-increment key whatever the names; ask for it generically
            return StatementCache.Keys.GENERATED;
        }
        return StatementCache.Keys.NAMED;
    }

    private void bind(PreparedStatement ps, List<Value> binds, StatementCache.Lease lease, java.util.BitSet untyped)
            throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // SQLite runs a statement with an unbound placeholder as if it were NULL, silently;
            // the server drivers refuse it. Count the placeholders (once per cached statement).
            int placeholders = lease.knownParameterCount();
            if (placeholders < 0) {
                placeholders = ps.getParameterMetaData().getParameterCount();
                lease.rememberParameterCount(placeholders);
            }
            if (placeholders != binds.size()) {
                throw new InvalidQueryException("the statement has " + placeholders + " ? placeholders but "
                        + binds.size() + " values were given", pool, null);
            }
        }
        for (int i = 0; i < binds.size(); i++) {
            Value v = binds.get(i);
            refuseUnstorable(v, i + 1);
            try {
                format.bind(ps, i + 1, v, untyped.get(i));
            } catch (IllegalArgumentException e) { // an array as a raw parameter: no dialect binds one
                throw new InvalidQueryException("bind parameter " + (i + 1) + ": " + e.getMessage(), pool, e);
            }
        }
    }

    /**
     * A double the dialect cannot store as sent (MySQL and MariaDB have no NaN or infinities;
     * SQLite stores NaN as NULL, silently) is refused with an error naming the bind parameter.
     */
    private void refuseUnstorable(Value v, int parameter) {
        if (!(v instanceof Value.Float f)) {
            return;
        }
        String why = format.unstorable(f.value());
        if (why != null) {
            throw new InvalidQueryException(why + ": bind parameter " + parameter + " is " + f.value(), pool, null);
        }
    }

    private ResultFrame execute(PreparedStatement ps, String sql, ResultKind kind, List<String> keyColumns,
                                RowSink sink, Work work, StatementCache.Lease layoutHolder) throws SQLException {
        return switch (kind) {
            case COUNT_ROWS -> {
                try (ResultSet rs = ps.executeQuery()) {
                    long count = rs.next() ? rs.getLong(1) : 0;
                    yield single(sink, work, "count", new Value.Int(count));
                }
            }
            case EXISTS -> {
                try (ResultSet rs = ps.executeQuery()) {
                    boolean exists = rs.next() && rs.getBoolean(1);
                    yield single(sink, work, "exists", exists ? Value.Bool.TRUE : Value.Bool.FALSE);
                }
            }
            case UPDATE_COUNT -> new MutationResult(updateCount(ps), List.of(), EMPTY);
            case UPDATE_COUNT_AND_GENERATED_KEYS -> generatedKeys(ps, keyColumns);
            case RETURNING_ROWS -> returningRows(ps, sql, sink, work, layoutHolder);
            case ROWS -> rows(ps, sql, sink, work, layoutHolder);
        };
    }

    private static MutationResult generatedKeys(PreparedStatement ps, List<String> keyColumns) throws SQLException {
        long affected = updateCount(ps);
        List<Value> keys = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            while (rs.next()) {
                keys.add(StorageFormat.fromJdbcObject(rs.getObject(1)));
            }
        }
        RowSet returned = EMPTY;
        if (keyColumns.size() == 1) {
            List<List<Value>> rows = new ArrayList<>(keys.size());
            for (Value k : keys) {
                rows.add(List.of(k));
            }
            returned = new RowSet(keyColumns, rows);
        }
        return new MutationResult(affected, keys, returned);
    }

    private MutationResult returningRows(PreparedStatement ps, String sql, RowSink sink, Work work,
                                         StatementCache.Lease layoutHolder) throws SQLException {
        if (dialect == Dialect.SQLITE || dialect == Dialect.POSTGRES) {
            // executeQuery: on SQLite, execute() runs generated-keys bookkeeping (a regular
            // expression over the SQL and a "select last_insert_rowid()") that RETURNING makes moot
            try (ResultSet rs = ps.executeQuery()) {
                RowSet rows = returning(rs, sql, sink, work, layoutHolder);
                return new MutationResult(rows.rows().size(), List.of(), rows);
            }
        }
        // execute(), not executeQuery(): Connector/J refuses executeQuery for INSERT … RETURNING
        if (!ps.execute()) {
            return new MutationResult(Math.max(0, ps.getLargeUpdateCount()), List.of(), EMPTY);
        }
        try (ResultSet rs = ps.getResultSet()) {
            RowSet rows = returning(rs, sql, sink, work, layoutHolder);
            return new MutationResult(rows.rows().size(), List.of(), rows);
        }
    }

    private ResultFrame rows(PreparedStatement ps, String sql, RowSink sink, Work work,
                             StatementCache.Lease layoutHolder) throws SQLException {
        if (layoutHolder != null) {
            // a generated select: executeQuery, which on SQLite skips execute()'s
            // generated-keys bookkeeping (a regular expression over the SQL per call)
            try (ResultSet rs = ps.executeQuery()) {
                return readRows(rs, sql, sink, work, layoutHolder);
            }
        }
        // ROWS also covers raw SQL, which may turn out to be a write
        if (ps.execute()) {
            try (ResultSet rs = ps.getResultSet()) {
                return readRows(rs, sql, sink, work, layoutHolder);
            }
        }
        return new MutationResult(Math.max(0, ps.getLargeUpdateCount()), List.of(), EMPTY);
    }

    private static long updateCount(PreparedStatement ps) throws SQLException {
        return ps.executeUpdate();
    }

    /** A one-cell result (a count, an exists), through the sink like any other. */
    private static ResultFrame single(RowSink sink, Work work, String column, Value cell) throws SQLException {
        List<String> columns = List.of(column);
        sink.start(columns);
        sink.row(ResultRow.of(cell));
        work.rowsRead(1);
        return sink instanceof RowSetSink collected ? collected.rowSet() : new RowSet(columns, List.of());
    }

    /** A mutation's RETURNING rows, always collected: the mutation result carries them. */
    private RowSet returning(ResultSet rs, String sql, RowSink sink, Work work, StatementCache.Lease layoutHolder)
            throws SQLException {
        RowSetSink collected = new RowSetSink(sink.expectedKinds());
        readRows(rs, sql, collected, work, layoutHolder);
        return collected.rowSet();
    }

    /**
     * Reads every row of {@code rs} into {@code sink}, converting columns to the sink's expected
     * kinds where given; {@code layoutHolder}, when given, supplies the column layout learned on
     * an earlier execution of the same statement (re-read if the column count differs) and keeps
     * the one read now. The sink reads each row through one {@link CursorRow} moved along the
     * cursor: columns it reads directly make no {@code Value}.
     *
     * @return the sink's rows as a frame if it collects them, else the columns alone
     */
    private ResultFrame readRows(ResultSet rs, String sql, RowSink sink, Work work,
                                 StatementCache.Lease layoutHolder) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        ResultLayout layout = layoutHolder == null ? null : layoutHolder.knownLayout();
        if (layout == null || layout.size() != n) {
            layout = ResultLayout.of(md, dialect);
            if (layoutHolder != null) {
                layoutHolder.rememberLayout(layout);
            }
        }
        List<String> columns = layout.columns();
        List<ValueKind> expected = sink.expectedKinds();
        CursorRow.Reads reads = layoutHolder == null ? null : layoutHolder.knownReads();
        if (reads == null || !reads.fits(layout, expected)) {
            reads = CursorRow.Reads.of(layout, expected);
            if (layoutHolder != null) {
                layoutHolder.rememberReads(reads);
            }
        }
        sink.start(columns);
        CursorRow row = new CursorRow(rs, reads, format, pool, sql);
        int count = 0;
        while (rs.next()) {
            if (maxResultRows > 0 && count >= maxResultRows) {
                throw new ResultTooLargeException("the result has more than maxResultRows = " + maxResultRows
                        + " rows; filter or paginate the query, stream it, or raise the pool setting maxResultRows",
                        pool, sql, maxResultRows);
            }
            count++;
            row.moveTo(count);
            sink.row(row);
        }
        work.rowsRead(count);
        return sink instanceof RowSetSink collected ? collected.rowSet() : new RowSet(columns, List.of());
    }
}
