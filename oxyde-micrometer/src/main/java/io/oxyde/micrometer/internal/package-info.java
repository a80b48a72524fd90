/** Micrometer internals: the statement timer observer and per-pool meter registration. */
package io.oxyde.micrometer.internal;
