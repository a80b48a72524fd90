package io.oxyde;

/**
 * What a row lock ({@link Query#forUpdate(LockOption)}, {@link Query#forShare(LockOption)})
 * does about rows another transaction holds: fail at once, or leave them out. PostgreSQL,
 * MySQL 8 and MariaDB 10.6+ have both; SQLite, which has no row locks, refuses them.
 */
public enum LockOption {
    /** {@code NOWAIT}: fail at once ({@link io.oxyde.exception.StatementTimeoutException}) if a row is locked. */
    NOWAIT,
    /** {@code SKIP LOCKED}: leave locked rows out, so concurrent workers claim different rows (a job queue). */
    SKIP_LOCKED
}
