/**
 * Conversion of single values between Java types and IR {@link io.oxyde.codec.Value}s: the
 * type map, one codec per Java type (accepting each database's representations, e.g. SQLite's
 * ISO-8601 text dates) and the shared Jackson mapper for JSON columns.
 */
package io.oxyde.internal.convert;
