/** Tracing internals: the span-per-statement observer. */
package io.oxyde.opentelemetry.internal;
