package io.oxyde.dialect.internal;

/**
 * MySQL and MariaDB error numbers (and those of engines speaking their protocol: Galera, TiDB),
 * the table {@link MysqlFormat} classifies errors by before the SQLSTATE table.
 */
final class MysqlErrorCodes {

    private MysqlErrorCodes() {
    }

    static ErrorKind kind(int code) {
        return switch (code) {
            case 1062, // ER_DUP_ENTRY
                 1586 -> ErrorKind.UNIQUE; // ER_DUP_ENTRY_WITH_KEY_NAME
            case 1451, // ER_ROW_IS_REFERENCED_2
                 1452, // ER_NO_REFERENCED_ROW_2
                 1216, 1217 -> ErrorKind.FOREIGN_KEY;
            case 1048, // ER_BAD_NULL_ERROR
                 1364 -> ErrorKind.NOT_NULL; // ER_NO_DEFAULT_FOR_FIELD (strict mode)
            case 3819, // MySQL ER_CHECK_CONSTRAINT_VIOLATED
                 4025 -> ErrorKind.CHECK; // MariaDB ER_CONSTRAINT_FAILED
            case 1213 -> ErrorKind.DEADLOCK; // ER_LOCK_DEADLOCK; also Galera's certification failure
            case 1792, // MySQL ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
                 1836 -> ErrorKind.READ_ONLY; // MySQL ER_READ_ONLY_MODE
            case 8002, // TiDB: SELECT FOR UPDATE hit a write conflict; retry the transaction
                 8005, // TiDB: write conflict, txnStartTS is stale
                 8022, // TiDB: commit failed and rolled back; safe to retry
                 8028, // TiDB: the schema changed during the transaction
                 9007 -> ErrorKind.SERIALIZATION; // TiDB: write conflict in TiKV
            case 3024, // MySQL max_execution_time exceeded
                 1969, // MariaDB max_statement_time exceeded
                 1205, // ER_LOCK_WAIT_TIMEOUT
                 1317 -> ErrorKind.TIMEOUT; // ER_QUERY_INTERRUPTED (KILL QUERY from a statement cancel)
            case 1927, // MariaDB ER_CONNECTION_KILLED
                 2006, // CR_SERVER_GONE_ERROR
                 2013, // CR_SERVER_LOST
                 1053 -> ErrorKind.CONNECTION_LOST; // ER_SERVER_SHUTDOWN
            default -> ErrorKind.OTHER;
        };
    }
}
