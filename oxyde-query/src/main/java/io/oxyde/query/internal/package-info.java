/**
 * The renderer's machinery: IR to jOOQ query translation per statement kind, the bind plan
 * (which slot feeds which {@code ?}, through which transform), and the bounded plan cache.
 * Not API; only {@link io.oxyde.query} is.
 */
package io.oxyde.query.internal;
