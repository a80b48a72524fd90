package io.oxyde.spring.internal;

import io.oxyde.AtomicGuard;
import io.oxyde.spring.SpringTransactionConflictException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Refuses {@code atomic} while Spring has an actual transaction bound to the calling thread.
 * A thread-bound check is all Spring offers: {@code atomic} called later from a future's
 * callback on another thread is not seen (and is then outside Spring's transaction anyway).
 */
public final class SpringTransactionGuard implements AtomicGuard {

    @Override
    public void beforeAtomic(String pool) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            String name = TransactionSynchronizationManager.getCurrentTransactionName();
            throw new SpringTransactionConflictException(pool, name == null ? "(unnamed)" : "'" + name + "'");
        }
    }
}
