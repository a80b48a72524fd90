package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.Lookup;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.internal.QueryCodec;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Value-level fuzzing of the byte road (issue 16): valid shapes whose values are replaced by
 * values of other kinds, NULLs, arrays, extreme decimals and odd texts, written as a sender
 * without validation would write them. The contract checked on every input: a message that
 * {@code IrCodec.decode} refuses is refused by the driver with {@link ProtocolException} (nothing
 * runs), and one it accepts gets a result or a classified {@link OxydeException}.
 *
 * <p>{@code oxyde.fuzz.values} inputs on SQLite (20,000 in the default build, 10,000,000 with
 * {@code -Pfuzz-long}), a twentieth of that on each server. The seed is printed for replay
 * ({@code -Doxyde.fuzz.seed=…}).
 */
class ValueFuzzTest {

    private static final int INPUTS = Integer.getInteger("oxyde.fuzz.values", 20_000);

    private static final List<QueryIr> SHAPES = List.of(
            SelectIr.from("vf").columns("id", "v").filter(FilterNode.and(
                    FilterNode.condition("v", Lookup.GTE, Value.of(3L)),
                    FilterNode.condition("t", Lookup.ICONTAINS, Value.of("a")),
                    FilterNode.condition("id", Lookup.IN, Value.array(Value.of(1L), Value.of(2L))))).limit(5L).build(),
            new InsertIr(null, "vf", List.of("id", "v", "t", "m"), List.of(
                    List.of(Value.of(1L), Value.of(2L), Value.of("x"), new Value.Decimal(new BigDecimal("1.5"))),
                    List.of(Value.of(2L), Value.nullValue(), Value.of("y"), Value.nullValue())), List.of(), null),
            new RawIr("SELECT ? AS a, ? AS b", List.of(Value.of(1L), Value.of("s"))),
            SelectIr.from("vf").filter(FilterNode.condition("d", Lookup.LT, Value.of((Object) LocalDate.of(2000, 1, 1))))
                    .build());

    /** Values a hostile sender might put in any slot. */
    private static Value odd(Random r) {
        switch (r.nextInt(12)) {
            case 0: return Value.nullValue();
            case 1: return Value.of(r.nextLong());
            case 2: return Value.of("t" + r.nextInt());
            case 3: return Value.of(r.nextBoolean());
            case 4: return Value.of(r.nextDouble() * 1e300);
            case 5: return Value.array(Value.of(1L), Value.of("x"));
            case 6: return new Value.Decimal(new BigDecimal(BigInteger.valueOf(r.nextInt(1000)),
                    r.nextBoolean() ? r.nextInt() : r.nextInt(40) - 20)); // extreme scales half the time
            case 7: return Value.of((Object) LocalDate.of(1 + r.nextInt(9999), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            case 8: return Value.of("a\0b");
            case 9: return Value.array();
            case 10: return Value.of("x".repeat(r.nextInt(300)));
            default: return Value.of((long) r.nextInt(5));
        }
    }

    @AllDatabases
    void whatDecodeRefusesNeverRuns(TestDatabase db) throws Exception {
        long seed = Long.getLong("oxyde.fuzz.seed", System.nanoTime());
        int inputs = db.kind() == DatabaseKind.SQLITE ? INPUTS : Math.max(500, INPUTS / 20);
        Random r = new Random(seed);
        List<byte[]> shapes = new ArrayList<>();
        List<List<Value>> values = new ArrayList<>();
        for (QueryIr ir : SHAPES) {
            shapes.add(IrCodec.shapeOf(ir).toByteArray());
            values.add(IrTemplate.parameterize(ir).values());
        }
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2).statementTimeout(java.time.Duration.ofSeconds(5)))) {
            rig.sql("CREATE TABLE vf (id BIGINT PRIMARY KEY, v BIGINT, t VARCHAR(400), m DECIMAL(20, 5), d DATE)");
            int refused = 0;
            int accepted = 0;
            List<CompletableFuture<?>> pending = new ArrayList<>();
            List<Boolean> decodes = new ArrayList<>();
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
                int s = r.nextInt(shapes.size());
                List<Value> mutated = new ArrayList<>(values.get(s));
                for (int n = 1 + r.nextInt(2); n > 0 && !mutated.isEmpty(); n--) {
                    mutated.set(r.nextInt(mutated.size()), odd(r));
                }
                if (r.nextInt(20) == 0) {
                    mutated.add(odd(r)); // one value too many
                }
                byte[] message = QueryCodec.message(shapes.get(s), mutated);
                boolean decodes1;
                try {
                    IrCodec.decode(message);
                    decodes1 = true;
                } catch (ProtocolException e) {
                    decodes1 = false;
                }
                if (decodes1) {
                    accepted++;
                } else {
                    refused++;
                }
                pending.add(i % 2 == 0 ? rig.driver.execute(Rig.POOL, message)
                        : rig.driver.execute(Rig.POOL, message, null));
                decodes.add(decodes1);
                sent.add(message);
                if (pending.size() >= 32) {
                    check(pending, decodes, sent, seed);
                }
            }
            check(pending, decodes, sent, seed);
            rig.awaitQuiet();
            assertThat(rig.scalar("SELECT 2 + 2")).isEqualTo(4);
            System.out.printf("RELIABILITY value fuzz %s: seed %d, %d inputs, %d refused by decode, %d accepted%n",
                    db.kind(), seed, inputs, refused, accepted);
            assertThat(refused).isPositive();
            assertThat(accepted).isPositive();
            assertThat(Rig.poolThreads()).as("the thread check sees this pool's threads").isNotEmpty();
        }
        Rig.assertPoolThreadsGone(); // no worker or HikariCP thread outlives the pool
    }

    private static void check(List<CompletableFuture<?>> pending, List<Boolean> decodes, List<byte[]> sent, long seed) {
        for (int i = 0; i < pending.size(); i++) {
            Throwable e = Rig.outcome(pending.get(i));
            String what = "seed " + seed + ", message " + HexFormat.of().formatHex(sent.get(i));
            if (!decodes.get(i)) {
                assertThat(e).as("decode refused it, so the driver must: %s", what).isInstanceOf(ProtocolException.class);
            } else if (e != null) {
                assertThat(e).as(what).isInstanceOf(OxydeException.class);
                assertThat(e.getClass()).as(what).isNotEqualTo(OxydeException.class); // classified, not bare
            }
        }
        pending.clear();
        decodes.clear();
        sent.clear();
    }
}
