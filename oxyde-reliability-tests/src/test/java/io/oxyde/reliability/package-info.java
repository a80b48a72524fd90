/**
 * Reliability and security tests of the whole stack against the real databases: killed
 * connections, timeouts and cancellation storms, real serialization failures and deadlocks,
 * half-failed bulk inserts, soak load, hostile input and limits, and exact round trips of
 * every value kind. What each proves is summarised in {@code docs/reliability.md}.
 */
package io.oxyde.reliability;
