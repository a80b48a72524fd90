package io.oxyde.driver;

import java.util.Objects;

/**
 * How to open a transaction: its isolation level and whether it is read-only. The original
 * Oxyde had neither; the JVM port passes them to JDBC so the database enforces them.
 *
 * @param isolation the isolation level
 * @param readOnly whether writes are refused (where the database supports it)
 */
public record TxOptions(Isolation isolation, boolean readOnly) {

    /** The database's default isolation, read-write. */
    public static final TxOptions DEFAULT = new TxOptions(Isolation.DEFAULT, false);

    public TxOptions {
        Objects.requireNonNull(isolation, "isolation");
    }

    public static TxOptions serializable() {
        return new TxOptions(Isolation.SERIALIZABLE, false);
    }

    /** Read-only with the default isolation. */
    public static TxOptions readOnlyDefault() {
        return new TxOptions(Isolation.DEFAULT, true);
    }

    public TxOptions withIsolation(Isolation level) {
        return new TxOptions(level, readOnly);
    }

    public TxOptions withReadOnly(boolean ro) {
        return new TxOptions(isolation, ro);
    }
}
