package io.oxyde.driver;

import io.oxyde.exception.PoolSaturatedException;

/**
 * A snapshot of a pool's two executor lanes (statements outside transactions, and transaction
 * work), for monitoring: a growing queue or any rejection means more work arrives than the
 * pool's connections can serve.
 *
 * @param threads the most threads of each lane (the pool's {@code maxConnections})
 * @param queuedStatements tasks waiting in the statement lane
 * @param queuedTransactionWork tasks waiting in the transaction lane
 * @param queueCapacity the bound of each lane's queue ({@code maxQueuedTasks})
 * @param rejected tasks refused with {@link PoolSaturatedException} since the pool opened
 */
public record ExecutorStats(int threads, int queuedStatements, int queuedTransactionWork, int queueCapacity,
                            long rejected) {
}
