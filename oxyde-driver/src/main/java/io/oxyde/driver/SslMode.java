package io.oxyde.driver;

/**
 * How strictly a connection uses TLS, in PostgreSQL's terms; mapped to pgjdbc's
 * {@code sslmode} and to Connector/J's {@code sslMode} (DISABLED, PREFERRED, REQUIRED,
 * VERIFY_CA, VERIFY_IDENTITY). SQLite ignores it.
 */
public enum SslMode {
    DISABLE("disable", "DISABLED"),
    PREFER("prefer", "PREFERRED"),
    REQUIRE("require", "REQUIRED"),
    VERIFY_CA("verify-ca", "VERIFY_CA"),
    VERIFY_FULL("verify-full", "VERIFY_IDENTITY");

    private final String postgres;
    private final String mysql;

    SslMode(String postgres, String mysql) {
        this.postgres = postgres;
        this.mysql = mysql;
    }

    /** The value of pgjdbc's {@code sslmode}. */
    public String postgresValue() {
        return postgres;
    }

    /** The value of Connector/J's {@code sslMode}. */
    public String mysqlValue() {
        return mysql;
    }
}
