package io.oxyde;

/**
 * A check that runs on the calling thread each time {@link Oxyde#atomic} is about to open a
 * transaction; throwing refuses it, and the exception fails the returned future.
 *
 * <p>Why it exists: an application framework with thread-bound transactions (Spring's
 * {@code @Transactional}) cannot see Oxyde's transactions, which are explicit handles on
 * connections of their own. An integration installs a guard (with
 * {@link Oxyde#withAtomicGuard(AtomicGuard)}) so that opening one inside the framework's
 * transaction is refused with a clear message instead of silently committing on a second
 * connection. The check runs once per {@code atomic} call, never per statement.
 */
@FunctionalInterface
public interface AtomicGuard {

    /**
     * Called before the transaction begins, on the thread that called {@code atomic}.
     *
     * @param pool the name of the pool the transaction would open on
     * @throws RuntimeException to refuse the transaction
     */
    void beforeAtomic(String pool);
}
