/** End-to-end tests of {@link io.oxyde.Migrations}: models → migration files → real databases. */
package io.oxyde.migrations;
