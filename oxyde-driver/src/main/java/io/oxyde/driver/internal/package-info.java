/**
 * Driver internals: URL parsing, HikariCP configuration, bounded executors, the statement
 * runner and row readers, value conversion, error classification, and the transaction
 * registry with its reaper. Not API; may change without notice.
 */
package io.oxyde.driver.internal;
