package io.oxyde.migrate.internal;

import io.oxyde.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's statements as a person runs them by hand ({@code sqlmigrate}): on SQLite wrapped the
 * way the migrator wraps them, with foreign keys off around one transaction, because a rebuild's
 * {@code DROP TABLE} with foreign keys on deletes (or cascades into) the rows that reference it.
 */
public final class PrintedSql {
    /** The comment that tells the reader what the foreign-key check means. */
    public static final String CHECK_NOTE = "-- any row returned by the check above is a broken foreign key: "
            + "run ROLLBACK instead of COMMIT";

    private PrintedSql() {
    }

    /** {@code statements} ready to run as printed on {@code dialect}. */
    public static List<String> of(List<String> statements, Dialect dialect) {
        if (dialect != Dialect.SQLITE || statements.isEmpty()) {
            return statements;
        }
        List<String> out = new ArrayList<>();
        out.add("PRAGMA foreign_keys = OFF");
        out.add("BEGIN");
        out.addAll(statements);
        out.add("PRAGMA foreign_key_check");
        out.add(CHECK_NOTE);
        out.add("COMMIT");
        out.add("PRAGMA foreign_keys = ON");
        return out;
    }
}
