package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.OrderBy;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.WireQuery;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A mutational fuzz run over the codec and the driver's byte boundary: valid messages are bit
 * flipped, truncated, spliced, given huge length prefixes and random bytes. Every decoding
 * entry point either returns or throws {@link ProtocolException}; the driver answers every
 * input with a result or an {@link OxydeException}, never hangs, and its pool stays usable.
 *
 * <p>The default build runs {@code oxyde.fuzz.inputs} = 40,000 inputs; {@code -Pfuzz-long}
 * runs 2,000,000 (see {@code docs/reliability.md}). The seed is printed so a failure can be
 * replayed with {@code -Doxyde.fuzz.seed=…}.
 */
class CodecFuzzTest {

    private static final int INPUTS = Integer.getInteger("oxyde.fuzz.inputs", 40_000);
    /** One input in this many also goes through the driver (which runs it if it decodes). */
    private static final int DRIVER_EVERY = 64;

    static List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        c.add(IrCodec.encode(SelectIr.from("fz").columns("id", "v").filter(FilterNode.and(
                FilterNode.condition("v", Lookup.GTE, Value.of(3L)),
                FilterNode.not(FilterNode.condition("id", Lookup.IN, Value.array(Value.of(1L), Value.of(2L)))),
                FilterNode.condition("t", Lookup.ICONTAINS, Value.of("a%b_c")))).orderBy(OrderBy.desc("v"))
                .limit(10L).offset(1L).build()));
        c.add(IrCodec.encode(new InsertIr(null, "fz", List.of("id", "v", "t"), List.of(
                List.of(Value.of(1000L), Value.of(1L), Value.of("x")),
                List.of(Value.of(1001L), Value.nullValue(), Value.of("🦀"))), List.of("id"), null)));
        c.add(IrCodec.encode(new RawIr("SELECT ? + 1", List.of(Value.of(41L)))));
        c.add(IrCodec.encode(SelectIr.from("fz").filter(FilterNode.or(
                FilterNode.condition("d", Lookup.BETWEEN, Value.array(Value.of((Object) LocalDate.of(1900, 1, 1)),
                        Value.of((Object) LocalDate.of(2100, 1, 1)))),
                FilterNode.condition("u", Lookup.EQ, Value.of((Object) UUID.randomUUID())),
                FilterNode.condition("m", Lookup.LT, new Value.Decimal(new BigDecimal("12345.678"))),
                FilterNode.condition("ts", Lookup.GT, Value.of((Object) OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 1000,
                        ZoneOffset.ofHours(2)))))).build()));
        c.add(IrCodec.encodeResult(new RowSet(List.of("a", "b"), List.of(List.of(Value.of(1L), Value.of("x"))))));
        c.add(IrCodec.encodeResult(new MutationResult(3, List.of(Value.of(7L)), new RowSet(List.of(), List.of()))));
        return c;
    }

    static byte[] mutate(List<byte[]> corpus, Random r) {
        byte[] base = corpus.get(r.nextInt(corpus.size())).clone();
        switch (r.nextInt(7)) {
            case 0: // bit flips
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    base[r.nextInt(base.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return base;
            case 1: // random byte overwrite with interesting MessagePack markers
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    int[] marks = {0xc0, 0xc1, 0xc4, 0xc6, 0xc7, 0xc9, 0xd4, 0xd6, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
                        0xcf, 0xd3, 0xff, 0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf};
                    base[r.nextInt(base.length)] = (byte) marks[r.nextInt(marks.length)];
                }
                return base;
            case 2: // truncation
                return java.util.Arrays.copyOf(base, r.nextInt(base.length));
            case 3: { // splice two messages
                byte[] other = corpus.get(r.nextInt(corpus.size()));
                int a = r.nextInt(base.length);
                int b = r.nextInt(other.length);
                byte[] out = java.util.Arrays.copyOf(base, a + other.length - b);
                System.arraycopy(other, b, out, a, other.length - b);
                return out;
            }
            case 4: { // a huge length prefix
                int at = r.nextInt(base.length);
                byte[] out = java.util.Arrays.copyOf(base, base.length + 5);
                System.arraycopy(base, at, out, at + 5, base.length - at);
                out[at] = (byte) (r.nextBoolean() ? 0xdd : 0xc6);
                out[at + 1] = (byte) 0x7f;
                out[at + 2] = (byte) 0xff;
                out[at + 3] = (byte) 0xff;
                out[at + 4] = (byte) 0xff;
                return out;
            }
            case 5: { // random bytes
                byte[] out = new byte[r.nextInt(64)];
                r.nextBytes(out);
                return out;
            }
            default: // duplicate a slice
                int a = r.nextInt(base.length);
                int len = Math.min(base.length - a, 1 + r.nextInt(16));
                byte[] out = java.util.Arrays.copyOf(base, base.length + len);
                System.arraycopy(base, a, out, a + len, base.length - a);
                return out;
        }
    }

    /** Feeds one input to every decoding entry point; returns whether a query decoded. */
    static boolean decodeEverywhere(byte[] input) {
        boolean decoded = false;
        try {
            IrCodec.decode(input);
            decoded = true;
        } catch (ProtocolException expected) {
            // the one allowed failure
        }
        try {
            WireQuery w = IrCodec.read(input);
            w.template();
            w.ir();
        } catch (ProtocolException expected) {
            // the one allowed failure
        }
        try {
            IrCodec.decodeResult(input);
        } catch (ProtocolException expected) {
            // the one allowed failure
        }
        return decoded;
    }

    @AllDatabases
    void mutatedMessagesOnlyEverFailWithProtocolErrors(TestDatabase db) throws Exception {
        long seed = Long.getLong("oxyde.fuzz.seed", System.nanoTime());
        // the full count runs once, on SQLite (the codec does not depend on the database); the
        // servers get the share that reaches the driver
        int inputs = db.kind() == DatabaseKind.SQLITE ? INPUTS : Math.max(2_000, INPUTS / 20);
        Random r = new Random(seed);
        List<byte[]> corpus = corpus();
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2).statementTimeout(java.time.Duration.ofSeconds(5)))) {
            rig.sql("CREATE TABLE fz (id INTEGER PRIMARY KEY, v BIGINT, t VARCHAR(100), d DATE, u VARCHAR(36),"
                    + " m DECIMAL(20, 5), ts VARCHAR(40))");
            int decoded = 0;
            int viaDriver = 0;
            long start = System.nanoTime();
            List<CompletableFuture<byte[]>> pending = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
                byte[] input = mutate(corpus, r);
                try {
                    if (decodeEverywhere(input)) {
                        decoded++;
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("seed " + seed + ", input " + i + " escaped with " + e + ": "
                            + HexFormat.of().formatHex(input), e);
                }
                if (i % DRIVER_EVERY == 0) {
                    pending.add(rig.driver.execute(Rig.POOL, input));
                    viaDriver++;
                    if (pending.size() >= 32) {
                        drain(pending);
                    }
                }
            }
            drain(pending);
            rig.awaitQuiet();
            assertThat(rig.scalar("SELECT count(*) FROM fz")).isGreaterThanOrEqualTo(0);
            assertThat(rig.scalar("SELECT 2 + 2")).isEqualTo(4);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("RELIABILITY fuzz %s: seed %d, %d inputs (%d decoded as queries), %d through the driver,"
                    + " %d ms%n", db.kind(), seed, inputs, decoded, viaDriver, ms);
            assertThat(decoded).as("some mutations stay valid").isPositive();
        }
        Rig.assertPoolThreadsGone(); // no worker or HikariCP thread outlives the pool
    }

    private static void drain(List<CompletableFuture<byte[]>> pending) {
        for (CompletableFuture<byte[]> f : pending) {
            Throwable e = Rig.outcome(f);
            if (e != null) {
                assertThat(e).isInstanceOf(OxydeException.class);
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        pending.clear();
    }
}
