package io.oxyde.driver;

import io.oxyde.driver.internal.Transaction;

/**
 * An open transaction, looked up once by its id ({@link OxydeDriver#transaction(long)}) and then
 * used for each of its statements, so they do not go through the registry's id table. Statements
 * through a handle whose transaction has ended fail with
 * {@link io.oxyde.exception.TransactionStateException} saying how it ended, as they do by id.
 */
public final class TxHandle {
    final Transaction tx;

    TxHandle(Transaction tx) {
        this.tx = tx;
    }

    /** The transaction's id, as {@link OxydeDriver#begin(String)} gave it. */
    public long id() {
        return tx.id();
    }

    @Override
    public String toString() {
        return "TxHandle[" + tx.id() + "]";
    }
}
