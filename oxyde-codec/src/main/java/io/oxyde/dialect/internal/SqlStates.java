package io.oxyde.dialect.internal;

/**
 * The SQLSTATE table: PostgreSQL's classes, which are the standard's, and the table every other
 * dialect falls back to after its own vendor codes.
 */
final class SqlStates {

    private SqlStates() {
    }

    static ErrorKind kind(String state) {
        if (state == null) {
            return ErrorKind.OTHER;
        }
        return switch (state) {
            case "23505" -> ErrorKind.UNIQUE;
            case "23503" -> ErrorKind.FOREIGN_KEY;
            case "23502" -> ErrorKind.NOT_NULL;
            case "23514" -> ErrorKind.CHECK;
            case "40001" -> ErrorKind.SERIALIZATION; // also a hot standby's recovery conflict
            case "25006" -> ErrorKind.READ_ONLY;
            case "40P01" -> ErrorKind.DEADLOCK;
            case "57014", "55P03" -> ErrorKind.TIMEOUT;
            case "57P01", "57P02", "57P03" -> ErrorKind.CONNECTION_LOST;
            default -> state.startsWith("08") ? ErrorKind.CONNECTION_LOST : ErrorKind.OTHER;
        };
    }
}
