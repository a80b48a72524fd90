package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.AtomicOptions;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 19, roll back without failing: {@code tx.setRollbackOnly()} rolls the block back and the
 * future completes normally with the block's value; on a nested handle only its savepoint is
 * rolled back; onCommit callbacks of a block rolled back this way never run. The rows left are
 * read with plain SQL.
 */
class RollbackOnlyTest {

    @Table("v19_item")
    record Item(Long id, String name) {
    }

    @AllDatabases
    void outermostBlockRollsBackAndReturnsItsValue(TestDatabase tdb) throws Exception {
        migrate(tdb);
        List<String> callbacks = new CopyOnWriteArrayList<>();
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            String value = await(db.atomic(tx -> {
                tx.onCommit(() -> callbacks.add("outer"));
                return tx.objects(Item.class).create(new Item(null, "dry"))
                        .thenCompose(i -> tx.atomic(inner -> {
                            inner.onCommit(() -> callbacks.add("inner"));
                            return inner.objects(Item.class).create(new Item(null, "dry inner"));
                        }))
                        .thenApply(i -> {
                            tx.setRollbackOnly(); // after the statements: they are undone too
                            return "done " + i.name();
                        });
            }));
            assertThat(value).isEqualTo("done dry inner");
            assertThat(names(st)).isEmpty();
            assertThat(callbacks).isEmpty();

            // marked before any statement; the value may be anything, null included
            Object nothing = await(db.atomic(tx -> {
                tx.setRollbackOnly();
                assertThat(tx.isRollbackOnly()).isTrue();
                return tx.objects(Item.class).create(new Item(null, "never")).thenApply(i -> null);
            }));
            assertThat(nothing).isNull();
            assertThat(names(st)).isEmpty();

            // a failing function still fails with its own exception, marked or not
            assertThatThrownBy(() -> await(db.atomic(tx -> {
                tx.setRollbackOnly();
                return tx.objects(Item.class).create(new Item(null, "x"))
                        .thenCompose(i -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
            }))).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(names(st)).isEmpty();

            // no retry: the mark is not a failure
            AtomicInteger runs = new AtomicInteger();
            long counted = await(db.atomic(AtomicOptions.defaults().retries(3), tx -> {
                runs.incrementAndGet();
                tx.setRollbackOnly();
                return tx.objects(Item.class).count();
            }));
            assertThat(counted).isZero();
            assertThat(runs).hasValue(1);

            // the connection is clean afterwards: a normal block commits
            await(db.atomic(tx -> tx.objects(Item.class).create(new Item(null, "committed"))));
            assertThat(names(st)).containsExactly("committed");
        }
    }

    @AllDatabases
    void nestedBlockRollsBackToItsSavepointOnly(TestDatabase tdb) throws Exception {
        migrate(tdb);
        List<String> callbacks = new CopyOnWriteArrayList<>();
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            Integer innerValue = await(db.atomic(tx -> {
                tx.onCommit(() -> callbacks.add("outer"));
                return tx.objects(Item.class).create(new Item(null, "a"))
                        .thenCompose(a -> tx.atomic(inner -> {
                            inner.onCommit(() -> callbacks.add("undone inner"));
                            inner.setRollbackOnly();
                            return inner.objects(Item.class).create(new Item(null, "b"))
                                    // a block nested in the marked one goes with it
                                    .thenCompose(b -> inner.atomic(deeper -> {
                                        deeper.onCommit(() -> callbacks.add("undone deeper"));
                                        return deeper.objects(Item.class).create(new Item(null, "b deeper"));
                                    }))
                                    .thenApply(b -> 42);
                        }))
                        .thenCompose(v -> tx.atomic(kept -> {
                            kept.onCommit(() -> callbacks.add("kept inner"));
                            return kept.objects(Item.class).create(new Item(null, "c"));
                        }).thenApply(x -> v));
            }));
            assertThat(innerValue).isEqualTo(42);
            assertThat(names(st)).containsExactly("a", "c");
            assertThat(callbacks).containsExactly("outer", "kept inner");

            // the outer block is not marked by its child's mark; marking the outer from inside works
            callbacks.clear();
            String v = await(db.atomic(tx -> tx.objects(Item.class).create(new Item(null, "d"))
                    .thenCompose(d -> tx.atomic(inner -> {
                        tx.setRollbackOnly();
                        inner.onCommit(() -> callbacks.add("inner of marked outer"));
                        return inner.objects(Item.class).create(new Item(null, "e")).thenApply(e -> "both undone");
                    }))));
            assertThat(v).isEqualTo("both undone");
            assertThat(names(st)).containsExactly("a", "c");
            assertThat(callbacks).isEmpty();
        }
    }

    private static void migrate(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-rollback-only");
        Migrations.makeMigrations(List.of(Item.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
    }

    private static List<String> names(Statement st) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT name FROM v19_item ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
