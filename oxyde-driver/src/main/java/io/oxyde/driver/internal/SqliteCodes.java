package io.oxyde.driver.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * Reads xerial's extended SQLite result code (e.g. 2067 for a UNIQUE violation; xerial turns
 * on extended codes by default). A class of its own so that sqlite-jdbc, an optional
 * dependency, is only loaded when a SQLite error is seen.
 */
final class SqliteCodes {

    private SqliteCodes() {
    }

    static int extendedCode(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode().code;
        }
        return e.getErrorCode();
    }
}
