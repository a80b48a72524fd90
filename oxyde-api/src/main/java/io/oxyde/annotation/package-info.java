/**
 * The annotations that map a record or class to a table: {@link io.oxyde.annotation.Table},
 * {@link io.oxyde.annotation.Id}, {@link io.oxyde.annotation.Column},
 * {@link io.oxyde.annotation.ForeignKey}, {@link io.oxyde.annotation.OneToMany},
 * {@link io.oxyde.annotation.ManyToMany}, {@link io.oxyde.annotation.Index},
 * {@link io.oxyde.annotation.Unique}, {@link io.oxyde.annotation.Check}, {@link io.oxyde.annotation.Json},
 * {@link io.oxyde.annotation.Transient} and {@link io.oxyde.annotation.RenamedFrom}. They are kept
 * apart from the query API (as Ebean and JPA do) because model classes import them and nothing else;
 * the schema vocabulary they share with migrations ({@code IndexMethod}, {@code ReferentialAction})
 * is defined once, in {@code io.oxyde.migrate}.
 */
package io.oxyde.annotation;
