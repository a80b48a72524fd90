/**
 * Maven goals for Oxyde migrations: {@code oxyde:makemigrations}, {@code oxyde:migrate},
 * {@code oxyde:showmigrations}, {@code oxyde:sqlmigrate}. Each runs the {@code oxyde} CLI's own
 * command in-process with arguments built from the POM configuration, so the goals and the CLI
 * behave identically. The guide is the plugin section of {@code docs/migrations.md}.
 */
package io.oxyde.maven;
