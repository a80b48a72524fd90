package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.Assignment;
import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.exception.ProtocolException;

/** Every IR operation through the byte boundary: IR bytes in, result-frame bytes out. */
class CrudThroughBytesTest {

    private static ResultFrame exec(DriverFixture f, QueryIr ir) {
        byte[] out = DriverFixture.await(f.driver.execute(DriverFixture.POOL, IrCodec.encode(ir)));
        return IrCodec.decodeResult(out);
    }

    @AllDatabases
    void everyOperationRoundTrips(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE crud_item (" + f.idColumn() + ", name VARCHAR(50) NOT NULL, qty INTEGER NOT NULL)");

            InsertIr insert = new InsertIr("Item", "crud_item", List.of("name", "qty"),
                    List.of(List.of(Value.of("apple"), Value.of(3L)), List.of(Value.of("pear"), Value.of(5L)),
                            List.of(Value.of("plum"), Value.of(1L))),
                    List.of("id"), null);
            MutationResult inserted = (MutationResult) exec(f, insert);
            assertThat(inserted.affected()).isEqualTo(3);
            List<Long> ids = inserted.returned().rows().stream().map(r -> (Long) r.get(0).toJava()).toList();
            assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();

            SelectIr select = SelectIr.from("crud_item").columns("id", "name", "qty")
                    .filter(FilterNode.condition("qty", Lookup.GTE, Value.of(2L)))
                    .orderBy(OrderBy.desc("qty")).build();
            RowSet rows = (RowSet) exec(f, select);
            assertThat(rows.columns()).containsExactly("id", "name", "qty");
            assertThat(rows.rows()).hasSize(2);
            assertThat(DriverFixture.javaRow(rows, 0)).containsExactly(ids.get(1), "pear", 5L);
            assertThat(DriverFixture.javaRow(rows, 1)).containsExactly(ids.get(0), "apple", 3L);

            RowSet count = (RowSet) exec(f, SelectIr.from("crud_item").mode(SelectMode.COUNT).build());
            assertThat(count.rows().get(0).get(0)).isEqualTo(new Value.Int(3));
            RowSet exists = (RowSet) exec(f, SelectIr.from("crud_item")
                    .filter(FilterNode.condition("name", Lookup.EQ, Value.of("kiwi"))).mode(SelectMode.EXISTS).build());
            assertThat(exists.rows().get(0).get(0)).isEqualTo(Value.Bool.FALSE);

            UpdateIr update = new UpdateIr("Item", "crud_item",
                    List.of(new Assignment("qty", new Expr.Binary(ArithmeticOperator.MUL, Expr.column("qty"),
                            Expr.value(Value.of(10L))))),
                    FilterNode.condition("name", Lookup.EQ, Value.of("plum")), List.of());
            assertThat(((MutationResult) exec(f, update)).affected()).isEqualTo(1);

            BulkUpdateIr bulk = new BulkUpdateIr("Item", "crud_item", "id", List.of("qty"),
                    List.of(new BulkUpdateRow(Value.of(ids.get(0)), List.of(Value.of(30L))),
                            new BulkUpdateRow(Value.of(ids.get(1)), List.of(Value.of(50L)))));
            assertThat(((MutationResult) exec(f, bulk)).affected()).isEqualTo(2);

            RowSet after = (RowSet) exec(f, SelectIr.from("crud_item").columns("name", "qty")
                    .orderBy(OrderBy.asc("name")).build());
            assertThat(after.rows().stream().map(r -> r.get(0).toJava() + "=" + r.get(1).toJava()))
                    .containsExactly("apple=30", "pear=50", "plum=10");

            DeleteIr delete = new DeleteIr("Item", "crud_item",
                    FilterNode.condition("qty", Lookup.LT, Value.of(40L)), List.of());
            assertThat(((MutationResult) exec(f, delete)).affected()).isEqualTo(2);

            RowSet raw = (RowSet) exec(f, DriverFixture.raw("SELECT name, qty FROM crud_item WHERE qty > ?", 1));
            assertThat(raw.rows()).hasSize(1);
            assertThat(DriverFixture.javaRow(raw, 0)).containsExactly("pear", 50L);
            MutationResult rawWrite = (MutationResult) exec(f,
                    DriverFixture.raw("UPDATE crud_item SET qty = ? WHERE name = ?", 7, "pear"));
            assertThat(rawWrite.affected()).isEqualTo(1);
        }
    }

    @AllDatabases
    void invalidBytesFailTheFutureWithAProtocolError(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            byte[] good = IrCodec.encode(SelectIr.from("t").build());
            byte[][] bad = {new byte[0], null, {(byte) 0xc1}, java.util.Arrays.copyOf(good, good.length / 2),
                    {(byte) 0x92, 0x7f, 0x01}};
            for (byte[] b : bad) {
                CompletableFuture<byte[]> future = f.driver.execute(DriverFixture.POOL, b);
                assertThat(DriverFixture.failure(future)).isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.path()).isNotBlank();
                    assertThat(e.pool()).isEqualTo("main");
                }).hasMessageContaining("pool main");
            }
            assertThat(DriverFixture.failure(f.driver.execute("nope", good))).isInstanceOf(PoolNotFoundException.class)
                    .hasMessageContaining("'nope'").hasMessageContaining("main");
        }
    }
}
