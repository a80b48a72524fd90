package io.oxyde.dialect.internal;

/**
 * The class of a database error, decided from SQLSTATE and vendor codes by each dialect's table
 * ({@link StorageFormat#errorKind}); the driver turns it into Oxyde's exception of that class.
 */
public enum ErrorKind {
    UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, SERIALIZATION, DEADLOCK, TIMEOUT, CONNECTION_LOST, READ_ONLY, OTHER
}
