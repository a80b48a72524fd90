/**
 * Scale-out tests (profile {@code scale-out}): replicas, read-your-writes, failover, pgbouncer,
 * Galera, against servers the tests start themselves on loopback ({@link io.oxyde.scaleout.Servers}).
 */
package io.oxyde.scaleout;
