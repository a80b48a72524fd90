/**
 * The machinery behind {@link io.oxyde.Query}: resolving Django-style field paths into joins
 * and typed IR conditions, executing IR on a pool or a transaction, copying immutable models
 * and loading relations. Not API: it may change in any release.
 */
package io.oxyde.internal.query;
