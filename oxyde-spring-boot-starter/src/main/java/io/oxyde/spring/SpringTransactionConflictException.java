package io.oxyde.spring;

import io.oxyde.exception.OxydeException;

/**
 * {@code db.atomic(...)} was called while a Spring-managed transaction ({@code @Transactional})
 * was active on the calling thread.
 *
 * <p>Why it is refused: Oxyde's transactions are explicit handles on connections of their own
 * (futures hop threads, Spring's transactions are bound to one), so the Oxyde transaction would
 * run on a second connection and commit or roll back independently of Spring's, silently.
 * Call {@code atomic} outside the {@code @Transactional} method, or drop the annotation and let
 * {@code atomic} be the transaction. See {@code docs/spring-boot.md}.
 */
public class SpringTransactionConflictException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public SpringTransactionConflictException(String pool, String springTransaction) {
        super("db.atomic(...) on pool '" + pool + "' was called inside the Spring-managed transaction "
                + springTransaction + " (@Transactional). Oxyde transactions run on a connection of their own and "
                + "would commit separately from Spring's, so this is refused: call atomic outside the "
                + "@Transactional method, or remove @Transactional and let atomic be the transaction "
                + "(set oxyde.refuse-atomic-in-spring-transaction=false only if Spring's transactions are on "
                + "another database)", pool, null, null);
    }
}
