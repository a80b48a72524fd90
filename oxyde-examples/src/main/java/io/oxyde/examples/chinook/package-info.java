/**
 * The Chinook music-store schema as Oxyde models, written the way an application would write
 * them: records, {@code Ref<T>} foreign keys, Bean Validation constraints that also size the
 * columns, and the reverse and many-to-many collections that {@code prefetch} fills.
 * {@link io.oxyde.examples.chinook.ChinookData} reads the sample data from the classpath.
 */
package io.oxyde.examples.chinook;
