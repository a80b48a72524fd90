package io.oxyde.spring.app;

import io.oxyde.Oxyde;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Oxyde inside and outside Spring-managed transactions. */
@Service
public class BookService {

    private final Oxyde db;

    public BookService(Oxyde db) {
        this.db = db;
    }

    /** Refused: an Oxyde transaction inside Spring's would commit on a second connection. */
    @Transactional
    public Book createInsideSpringTransaction(String title) {
        return Oxyde.await(db.atomic(tx -> tx.objects(Book.class).create(new Book(null, title))));
    }

    /** The supported way: atomic is the transaction. */
    public Book createWithAtomic(String title) {
        return Oxyde.await(db.atomic(tx -> tx.objects(Book.class).create(new Book(null, title))));
    }
}
