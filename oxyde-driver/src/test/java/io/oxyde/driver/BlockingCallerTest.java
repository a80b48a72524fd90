package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.internal.ManagedPool;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A caller that waits with {@code await} runs its own statements, and once it has done so a few
 * times its statements wake no pool worker at all; statements nobody waits for, or waited for
 * with {@code get}/{@code join}, still run on a worker.
 */
class BlockingCallerTest {

    /** Records which thread read the rows. */
    private static final class ThreadRecorder implements RowSink {
        final List<String> threads = new ArrayList<>();
        long value;

        @Override
        public List<ValueKind> expectedKinds() {
            return null;
        }

        @Override
        public void start(List<String> columns) {
        }

        @Override
        public void row(ResultRow row) throws java.sql.SQLException {
            threads.add(Thread.currentThread().getName());
            value = ((Number) row.value(0).toJava()).longValue();
        }
    }

    private static CompletableFuture<ResultFrame> read(DriverFixture f, String sql, RowSink sink) {
        return f.driver.read(DriverFixture.POOL, IrCodec.encode(DriverFixture.raw(sql)), sink);
    }

    /** Waits for a few statements with {@code await}, so this thread counts as a blocking caller. */
    private static void awaitSeveral(DriverFixture f) throws Exception {
        ThreadRecorder sink = new ThreadRecorder();
        for (int i = 0; i < 5; i++) {
            ((OxydeFuture<ResultFrame>) read(f, "SELECT 1", sink)).await();
        }
    }

    @AllDatabases
    void aCallerThatAwaitsRunsEveryStatementItselfOnceItsHabitIsKnown(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db)) {
            ThreadRecorder sink = new ThreadRecorder();
            ManagedPool pool = (ManagedPool) f.pool;
            int threadsAfterWarmUp = 0;
            for (int i = 0; i < 40; i++) {
                if (i == 10) {
                    threadsAfterWarmUp = pool.liveThreads();
                }
                ((OxydeFuture<ResultFrame>) read(f, "SELECT " + i, sink)).await();
                assertThat(sink.value).isEqualTo(i);
            }
            // The first statements are handed to the executor and a woken worker may win the race for
            // one; once two in a row ran on this thread, no worker is woken, so none can take one.
            String me = Thread.currentThread().getName();
            assertThat(sink.threads.subList(10, 40)).containsOnly(me);
            // Below its size the executor starts a new thread for every task handed to it; none was
            // handed over after the warm-up, so no thread was started.
            assertThat(pool.liveThreads()).isEqualTo(threadsAfterWarmUp);
        }
    }

    @AllDatabases
    void aStatementNobodyWaitsForStillRunsOnAWorker(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE fired (id INTEGER PRIMARY KEY, note VARCHAR(20))");
            awaitSeveral(f);
            // fire and forget: this thread never waits for it and submits nothing after it
            CompletableFuture<ResultFrame> fired = f.driver.execute(DriverFixture.POOL,
                    IrCodec.encode(DriverFixture.raw("INSERT INTO fired (id, note) VALUES (1, 'sent')")), null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!fired.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(1); // isDone hands nothing over: only the dispatcher can start it
            }
            assertThat(fired).isDone();
            assertThat(f.scalar("SELECT COUNT(*) FROM fired WHERE note = 'sent'")).isEqualTo(1);
        }
    }

    @AllDatabases
    void getAndJoinHandTheStatementToAWorker(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db)) {
            awaitSeveral(f);
            String me = Thread.currentThread().getName();
            ThreadRecorder joined = new ThreadRecorder();
            read(f, "SELECT 7", joined).join();
            ThreadRecorder got = new ThreadRecorder();
            read(f, "SELECT 8", got).get(30, TimeUnit.SECONDS);
            assertThat(joined.value).isEqualTo(7);
            assertThat(got.value).isEqualTo(8);
            assertThat(joined.threads).doesNotContain(me);
            assertThat(got.threads).doesNotContain(me);
        }
    }

    @AllDatabases
    void twoStatementsInFlightFromOneThreadBothRun(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db)) {
            awaitSeveral(f);
            ThreadRecorder first = new ThreadRecorder();
            ThreadRecorder second = new ThreadRecorder();
            OxydeFuture<ResultFrame> a = (OxydeFuture<ResultFrame>) read(f, "SELECT 21", first);
            OxydeFuture<ResultFrame> b = (OxydeFuture<ResultFrame>) read(f, "SELECT 22", second);
            // the second submission handed the first (deferred, untaken) to a worker
            b.await();
            a.await();
            assertThat(first.value).isEqualTo(21);
            assertThat(second.value).isEqualTo(22);
        }
    }
}
