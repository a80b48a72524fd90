/** End-to-end tests of {@link io.oxyde.migration.Migrations}: models → migration files → real databases. */
package io.oxyde.migrations;
