package io.oxyde.testkit.internal;

/**
 * A reachable database server: the JDBC URL of its maintenance database and credentials.
 *
 * @param jdbcUrl URL of an existing database on the server (used to create per-test ones)
 * @param user user name
 * @param password password, possibly empty
 * @param origin where it came from, for messages ("local service", "OXYDE_TEST_PG_URL", ...)
 */
record ServerEndpoint(String jdbcUrl, String user, String password, String origin) {
}
