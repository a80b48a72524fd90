/** Integration tests of the public API on SQLite, PostgreSQL and MariaDB with the Chinook data set. */
package io.oxyde.it;
