/**
 * The {@code oxyde} command line: {@code makemigrations}, {@code migrate}, {@code showmigrations}
 * and {@code sqlmigrate}, a thin picocli shell over {@link io.oxyde.migration.Migrations}, shipped as one
 * runnable jar ({@code java -jar oxyde-cli.jar …}). See docs/migrations.md, "The CLI".
 */
package io.oxyde.cli;
