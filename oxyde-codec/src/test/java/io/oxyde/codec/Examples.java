package io.oxyde.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Hand-written queries shared by the tests: the seed's example and one of each operation. */
final class Examples {

    private Examples() {
    }

    /** The seed's example: active adult users, newest first, ten of them. */
    static SelectIr seedSelect() {
        return SelectIr.from("users")
                .model("myapp.models.User")
                .columns("id", "name", "email", "age", "status", "created_at")
                .filter(FilterNode.and(
                        FilterNode.condition("age", Lookup.GTE, Value.of(18)),
                        FilterNode.condition("status", Lookup.EQ, Value.of("active"))))
                .orderBy(OrderBy.desc("created_at"))
                .limit(10L)
                .build();
    }

    static SelectIr richSelect() {
        SelectIr other = SelectIr.from("archived_users").columns("id", "name")
                .filter(FilterNode.condition("id", Lookup.IN, Value.array(Value.of(1), Value.of(2), Value.of(3))))
                .build();
        return SelectIr.from("users")
                .column(ColumnRef.of("id"))
                .column(ColumnRef.of("c", "name"))
                .distinct(true)
                .join(new Join("c", "cities", JoinKind.LEFT, ColumnRef.of("city_id"), "id", List.of("name")))
                .filter(FilterNode.or(
                        FilterNode.not(FilterNode.condition("deleted_at", Lookup.ISNULL, Value.Bool.FALSE)),
                        new FilterNode.Condition(ColumnRef.of("c", "population"), Lookup.BETWEEN,
                                Value.array(Value.of(1000), Value.of(5000)))))
                .orderBy(OrderBy.random())
                .limit(5L)
                .offset(20L)
                .aggregate(new Aggregate(AggregateFunction.SUM, ColumnRef.of("score"), true, "total"))
                .aggregate(new Aggregate(AggregateFunction.COUNT, null, false, "n"))
                .groupBy(ColumnRef.of("id"))
                .having(FilterNode.condition("total", Lookup.GT, new Value.Decimal(new BigDecimal("1.50"))))
                .lock(LockMode.SHARE)
                .union(SetOperator.UNION_ALL, other)
                .mode(SelectMode.COUNT)
                .build();
    }

    /** Window functions (revision 1.3): a rank per partition, a running sum, the previous row's value, ordered by one. */
    static SelectIr windowSelect() {
        Expr.Window rank = new Expr.Window(WindowFunction.ROW_NUMBER, List.of(), null,
                List.of(Expr.column("album_id")), List.of(new OrderBy(ColumnRef.of("milliseconds"), Direction.ASC),
                        OrderBy.of(Expr.column("id"), Direction.DESC)));
        Expr.Window running = new Expr.Window(WindowFunction.SUM, List.of(Expr.column("total")), null,
                List.of(new Expr.Column("c", "country")), List.of(new OrderBy(ColumnRef.of("invoice_date"), Direction.ASC,
                        ValueKind.DATE_TIME)));
        Expr.Window previous = new Expr.Window(WindowFunction.LAG, List.of(Expr.column("total")), 2, List.of(), List.of(
                new OrderBy(ColumnRef.of("id"), Direction.ASC)));
        return SelectIr.from("track").columns("id", "name")
                .join(new Join("c", "customer", JoinKind.INNER, ColumnRef.of("customer_id"), "id", List.of()))
                .annotation(new Annotation("rn", rank))
                .annotation(new Annotation("running", running))
                .annotation(new Annotation("prev", new Expr.Call(ScalarFunction.COALESCE, List.of(previous,
                        Expr.value(Value.of(0))))))
                .orderBy(OrderBy.of(rank, Direction.DESC))
                .build();
    }

    static InsertIr insert(int rows) {
        List<List<Value>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(List.of(Value.of("user" + i), Value.of("user" + i + "@example.com"), Value.of(20 + i % 50)));
        }
        return new InsertIr("myapp.models.User", "users", List.of("name", "email", "age"), data,
                List.of("id"), OnConflict.doUpdate(List.of("email"), List.of("name", "age")));
    }

    static UpdateIr update() {
        return new UpdateIr(null, "products",
                List.of(new Assignment("price", new Expr.Binary(ArithmeticOperator.MUL, Expr.column("price"),
                                Expr.value(Value.of(2)))),
                        new Assignment("stock", new Expr.Negate(Expr.value(Value.of(1))))),
                FilterNode.condition("category", Lookup.ICONTAINS, Value.of("tools")), List.of("id", "price"));
    }

    static BulkUpdateIr bulkUpdate() {
        return new BulkUpdateIr("m.Product", "products", "id", List.of("price", "name"),
                List.of(new BulkUpdateRow(Value.of(1), List.of(Value.of(10), Value.of("a"))),
                        new BulkUpdateRow(Value.of(2), List.of(Value.of(20), Value.nullValue()))));
    }

    static DeleteIr delete() {
        return new DeleteIr("m.Session", "sessions",
                FilterNode.condition("expires", Lookup.LT, Value.of((Object) java.time.Instant.parse("2024-01-01T00:00:00Z"))),
                List.of());
    }

    static RawIr raw() {
        return new RawIr("SELECT * FROM t WHERE a = ? AND b = ?", List.of(Value.of(1), Value.of("x")));
    }

    static List<QueryIr> all() {
        return List.of(seedSelect(), richSelect(), windowSelect(), insert(3), update(), bulkUpdate(), delete(), raw());
    }
}
