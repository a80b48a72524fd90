/**
 * Oxyde's driver: named HikariCP pools ({@link io.oxyde.driver.PoolRegistry}), database URLs
 * and pool settings, query execution at the protocol boundary and in process
 * ({@link io.oxyde.driver.OxydeDriver}), transactions by id with savepoints and a reaper, and
 * one error hierarchy rooted at {@link io.oxyde.exception.OxydeException}, classified from
 * SQLSTATE and vendor codes.
 */
package io.oxyde.driver;
