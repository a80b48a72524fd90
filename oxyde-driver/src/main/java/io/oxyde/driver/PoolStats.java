package io.oxyde.driver;

/**
 * A snapshot of a pool's load, for monitoring and tests.
 *
 * @param activeConnections connections lent out (to statements or transactions)
 * @param idleConnections open connections waiting for work
 * @param totalConnections open connections
 * @param threadsAwaitingConnection threads blocked waiting for a connection
 * @param queuedTasks tasks waiting in the executor queues
 * @param openTransactions transactions currently holding a connection
 * @param messages IR messages the pool received since it opened: every query reaches a
 *                 pool as a message (the API's calls and the typed driver entries encode first),
 *                 so this counts the queries the pool was given
 */
public record PoolStats(int activeConnections, int idleConnections, int totalConnections,
                        int threadsAwaitingConnection, int queuedTasks, int openTransactions, long messages) {
}
