package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link io.oxyde.AtomicGuard}: checked on the calling thread before atomic(), refusing fails the future. */
class AtomicGuardTest {

    @Test
    void aGuardRefusesAtomicBeforeAnyTransactionAndLeavesPlainStatementsAlone() throws Exception {
        Path file = Files.createTempFile("oxyde-guard", ".db");
        List<String> calls = new CopyOnWriteArrayList<>();
        AtomicBoolean refuse = new AtomicBoolean(true);
        IllegalStateException refusal = new IllegalStateException("not here");
        try (Oxyde plain = Oxyde.connect("guard_test", "sqlite:" + file)) {
            Oxyde db = plain.withAtomicGuard(pool -> {
                calls.add(pool + " on " + Thread.currentThread().getName());
                if (refuse.get()) {
                    throw refusal;
                }
            });
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Object> refused = db.atomic(tx -> {
                ran.set(true);
                return CompletableFuture.completedFuture(null);
            });
            assertThatThrownBy(() -> await(refused)).isSameAs(refusal);
            assertThat(ran).as("the function never ran").isFalse();
            assertThat(calls).containsExactly("guard_test on " + Thread.currentThread().getName());

            List<Map<String, Object>> plainRows = await(db.raw("SELECT 1 AS one").all());
            assertThat(((Number) plainRows.get(0).get("one")).intValue()).isEqualTo(1);
            refuse.set(false);
            List<Map<String, Object>> txRows = await(db.atomic(tx -> tx.raw("SELECT 2 AS two").all()));
            assertThat(((Number) txRows.get(0).get("two")).intValue()).isEqualTo(2);
            String unguarded = await(plain.atomic(tx -> CompletableFuture.completedFuture("unguarded")));
            assertThat(unguarded).isEqualTo("unguarded");
            assertThat(calls).hasSize(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
