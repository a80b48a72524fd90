/**
 * OpenTelemetry tracing for Oxyde: {@link io.oxyde.opentelemetry.OxydeTracing} adds a client
 * span per statement (database semantic conventions, no values) through the driver's
 * {@link io.oxyde.driver.StatementObserver} hook. The guide is {@code docs/observability.md}.
 */
package io.oxyde.opentelemetry;
