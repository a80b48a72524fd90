/**
 * The bench's Oxyde models: a Chinook subset (artist, album, track) to read and two small
 * tables to write (note, counter). raw JDBC and jOOQ read into these same records, so every
 * variant pays for the same result objects; Hibernate uses its own entities
 * ({@link io.oxyde.bench.hibernate}).
 */
package io.oxyde.bench.model;
