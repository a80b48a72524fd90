package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.Assignment;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.exception.DatabaseException;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik-generated IRs that are structurally valid (they encode and decode) but semantically
 * wrong for the database: unknown tables, unknown columns, values of the wrong type for a
 * column. Each fails with a clear database error on both paths, nothing is written, and the
 * pool is unaffected.
 */
class SemanticErrorsTest {

    private static final int CASES = 60;

    /** A known case and the name its error must mention ({@code null}: the message just must not be blank). */
    record Case(QueryIr ir, String named) {
    }

    private static Arbitrary<String> unknownName() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(20)
                .map(s -> "nx_" + s);
    }

    /** Values no BIGINT NOT NULL column accepts on any of the databases. */
    private static Arbitrary<Value> wrongForBigint() {
        Arbitrary<Value> text = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(30)
                .map(s -> Value.of("q" + s));
        Arbitrary<Value> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(30)
                .map(b -> {
                    b[0] = (byte) 0xff;
                    return (Value) new Value.Bytes(b);
                });
        Arbitrary<Value> json = unknownName().map(s -> (Value) new Value.Json("{\"" + s + "\": [1, 2]}"));
        return Arbitraries.oneOf(text, bytes, json, Arbitraries.just(Value.nullValue()));
    }

    static Arbitrary<Case> cases() {
        Arbitrary<Case> unknownTable = unknownName().map(t -> new Case(SelectIr.from(t).build(), t));
        Arbitrary<Case> unknownColumn = unknownName().map(c -> new Case(SelectIr.from("typed")
                .filter(FilterNode.condition(c, Lookup.EQ, Value.of(1L))).build(), c));
        Arbitrary<Case> unknownSetColumn = unknownName().map(c -> new Case(new UpdateIr(null, "typed",
                List.of(new Assignment(c, new Expr.Literal(Value.of(1L)))), null, List.of()), c));
        Arbitrary<Case> wrongType = Combinators.combine(Arbitraries.longs().between(10, 1_000_000), wrongForBigint())
                .as((id, v) -> new Case(new InsertIr(null, "typed", List.of("id", "n"),
                        List.of(List.of(Value.of(id), v)), List.of(), null), null));
        return Arbitraries.oneOf(unknownTable, unknownColumn, unknownSetColumn, wrongType);
    }

    @AllDatabases
    void semanticallyWrongIrFailsClearlyAndLeavesThePoolAlone(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(3))) {
            // SQLite's type affinity would store text in an integer column; a STRICT table refuses it
            rig.sql(db.kind() == DatabaseKind.SQLITE ? "CREATE TABLE typed (id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT"
                    : "CREATE TABLE typed (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
            rig.sql("INSERT INTO typed (id, n) VALUES (1, 1)");
            List<Case> cases = cases().sampleStream().limit(CASES).toList();
            for (Case c : cases) {
                byte[] bytes = IrCodec.encode(c.ir());
                assertThat(IrCodec.decode(bytes)).isEqualTo(c.ir());
                for (Throwable e : List.of(Rig.failure(rig.driver.execute(Rig.POOL, c.ir())),
                        Rig.failure(rig.driver.execute(Rig.POOL, bytes)))) {
                    assertThat(e).as("%s", c.ir()).isInstanceOf(OxydeException.class);
                    assertThat(e.getMessage()).as("%s", c.ir()).isNotBlank();
                    if (c.named() != null) {
                        assertThat(e).as("%s", c.ir()).isInstanceOf(DatabaseException.class);
                        assertThat(e.getMessage()).as("%s", c.ir()).contains(c.named());
                    }
                }
            }
            rig.awaitQuiet();
            assertThat(rig.pool.stats().totalConnections()).isLessThanOrEqualTo(3);
            assertThat(rig.scalar("SELECT count(*) FROM typed")).isEqualTo(1);
            assertThat(rig.scalar("SELECT n FROM typed WHERE id = 1")).isEqualTo(1);
        }
    }
}
