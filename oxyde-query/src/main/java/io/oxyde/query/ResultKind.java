package io.oxyde.query;

/**
 * How the driver must execute a rendered statement and what it reads back. The renderer
 * decides this because it knows whether, say, RETURNING was rendered or must be emulated with
 * JDBC generated keys.
 */
public enum ResultKind {
    /** {@code executeQuery}; read the rows of the result set. */
    ROWS,
    /** {@code executeQuery}; one row, one column: the count ({@link io.oxyde.codec.SelectMode#COUNT}). */
    COUNT_ROWS,
    /** {@code executeQuery}; one row, one column: a boolean-like value ({@link io.oxyde.codec.SelectMode#EXISTS}). */
    EXISTS,
    /** {@code executeUpdate}; only the affected-row count. */
    UPDATE_COUNT,
    /**
     * {@code prepareStatement(sql, generatedKeyColumns)} + {@code executeUpdate}, then read
     * {@code getGeneratedKeys()}: the MySQL fallback for an insert asking for RETURNING columns
     * (only auto-increment keys come back).
     */
    UPDATE_COUNT_AND_GENERATED_KEYS,
    /**
     * The statement has a RETURNING clause: {@code execute()} then read {@code getResultSet()}
     * (MySQL Connector/J refuses {@code executeQuery} for {@code INSERT … RETURNING} on MariaDB).
     */
    RETURNING_ROWS
}
