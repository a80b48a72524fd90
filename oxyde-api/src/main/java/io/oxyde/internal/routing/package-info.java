/**
 * Read-replica routing ({@code docs/scale-out.md}): a {@link io.oxyde.internal.routing.Router} per
 * routed database (its replicas, their health and replay positions) and a
 * {@link io.oxyde.internal.routing.Session} per handle (its read-your-writes state), which
 * {@link io.oxyde.internal.ir.Target} consults for every statement outside a transaction.
 */
package io.oxyde.internal.routing;
