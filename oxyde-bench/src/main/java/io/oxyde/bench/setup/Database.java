package io.oxyde.bench.setup;

/** The three databases the suite runs on. */
public enum Database {
    SQLITE, POSTGRES, MARIADB
}
