/**
 * The test kit: {@link io.oxyde.testkit.AllDatabases} runs one JUnit test on SQLite,
 * PostgreSQL and MariaDB, each time against an empty database of its own.
 */
package io.oxyde.testkit;
