package io.oxyde.codec;

import static io.oxyde.codec.Wire.list;
import static io.oxyde.codec.Wire.map;
import static io.oxyde.codec.Wire.param;
import static io.oxyde.codec.Wire.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.exception.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Revision 1.2 of the protocol: {@code exists} and {@code test} filter nodes, {@code outer} and
 * {@code subquery} expressions, {@code annotations} and expression ORDER BY terms; each rule
 * with its exact path and problem.
 */
class CorrelationValidationTest {

    private static void assertRejected(byte[] bytes, String path, String problem) {
        try {
            IrCodec.decode(bytes);
        } catch (ProtocolException e) {
            assertThat(e.getMessage()).isEqualTo(path + ": " + problem);
            return;
        }
        throw new AssertionError("accepted an invalid message");
    }

    private static Map<Object, Object> select(Object... more) {
        Map<Object, Object> m = map("type", "select", "table", "artist");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<Object, Object> albumsOfArtist() {
        return map("type", "select", "table", "album", "filter", map("type", "compare", "field", "artist_id",
                "op", "eq", "expr", map("type", "outer", "name", "id")));
    }

    @Test
    void existsDecodesWithItsCorrelation() {
        byte[] bytes = query(select("filter", map("type", "not", "child", map("type", "exists", "query",
                albumsOfArtist()))));
        SelectIr albums = SelectIr.from("album").filter(new FilterNode.Compare(ColumnRef.of("artist_id"), Lookup.EQ,
                new Expr.Outer(null, "id"), false)).build();
        assertThat(IrCodec.decode(bytes)).isEqualTo(SelectIr.from("artist")
                .filter(new FilterNode.Not(new FilterNode.Exists(albums))).build());
        assertThat(IrCodec.decode(IrCodec.encode(IrCodec.decode(bytes)))).isEqualTo(IrCodec.decode(bytes));
    }

    @Test
    void anOuterReferenceNeedsASubquery() {
        assertRejected(query(select("filter", map("type", "compare", "field", "a", "op", "eq",
                        "expr", map("type", "outer", "name", "id")))), "filter.expr",
                "an outer column reference (\"id\") is valid only inside a subquery");
        assertRejected(query(select("filter", map("type", "exists", "query", map("type", "select", "table", "t",
                        "filter", map("type", "compare", "field", "a", "op", "eq",
                                "expr", map("type", "outer", "name", "x;y")))))), "filter.query.filter.expr.name",
                "identifier \"x;y\" contains ';', the statement separator");
        assertRejected(query(select("filter", map("type", "exists", "query", map("type", "select", "table", "t",
                        "filter", map("type", "compare", "field", "a", "op", "eq",
                                "expr", map("type", "outer", "source", "j")))))), "filter.query.filter.expr",
                "missing required key \"name\"");
    }

    @Test
    void existsRules() {
        assertRejected(query(select("filter", map("type", "exists"))), "filter", "missing required key \"query\"");
        assertRejected(query(select("filter", map("type", "exists", "query", map("type", "delete", "table", "t")))),
                "filter.query.type", "an exists query must be a select, found \"delete\"");
        assertRejected(query(select("filter", map("type", "exists", "query", map("type", "select", "table", "t",
                        "mode", "count")))), "filter.query", "an exists query returns rows, found mode \"count\"");
        assertRejected(query(select("filter", map("type", "exists", "query", map("type", "select", "table", "t",
                        "lock", "update")))), "filter.query.lock", "an exists query cannot lock rows");
        assertRejected(query(select("filter", map("type", "exists", "query", albumsOfArtist(), "field", "x"))),
                "filter", "unknown key \"field\"");
    }

    @Test
    void scalarSubqueriesSelectOneColumn() {
        Map<Object, Object> two = map("type", "select", "table", "album", "columns", list("a", "b"));
        assertRejected(query(select("filter", map("type", "compare", "field", "a", "op", "eq",
                        "expr", map("type", "subquery", "query", two)))), "filter.expr.query",
                "a subquery selects exactly one column (columns, joined columns and aggregates), found 2");
        Map<Object, Object> locked = map("type", "select", "table", "album", "columns", list("a"), "lock", "share");
        assertRejected(query(select("annotations", list(map("alias", "n", "expr",
                        map("type", "subquery", "query", locked))))), "annotations[0].expr.query.lock",
                "a subquery cannot lock rows");
    }

    @Test
    void testNodes() {
        Object left = map("type", "subquery", "query", map("type", "select", "table", "album",
                "columns", list("id"), "limit", 1));
        byte[] ok = query(select("filter", map("type", "test", "left", left, "op", "isnull",
                "right", map("type", "value", "value", param(0, ValueKind.BOOL)))), true);
        assertThat(((SelectIr) IrCodec.decode(ok)).filter()).isInstanceOf(FilterNode.Test.class);
        assertRejected(query(select("filter", map("type", "test", "left", left, "op", "isnull",
                        "right", map("type", "value", "value", param(0, ValueKind.INT)))), 1L), "filter.right",
                "isnull takes a bool value");
        assertRejected(query(select("filter", map("type", "test", "left", left, "op", "contains",
                        "right", left))), "filter.op", "test takes eq, ne, gt, gte, lt, lte or isnull, found contains");
        assertRejected(query(select("filter", map("type", "test", "op", "eq", "right", left))), "filter",
                "missing required key \"left\"");
    }

    @Test
    void annotationsAndExpressionOrder() {
        Object count = map("type", "subquery", "query", map("type", "select", "table", "album",
                "aggregates", list(map("function", "count", "alias", "agg")),
                "filter", map("type", "compare", "field", "artist_id", "op", "eq", "expr", map("type", "outer", "name", "id"))));
        byte[] ok = query(select("annotations", list(map("alias", "n", "expr", count)),
                "order_by", list(list(count, "desc"))));
        SelectIr s = (SelectIr) IrCodec.decode(ok);
        assertThat(s.annotations()).extracting(Annotation::alias).containsExactly("n");
        assertThat(s.orderBy().get(0).expr()).isInstanceOf(Expr.Subquery.class);
        assertThat(IrCodec.decode(IrCodec.encode(s))).isEqualTo(s);
        assertRejected(query(select("annotations", list(map("alias", "n", "expr", count), map("alias", "n", "expr", count)))),
                "annotations[1].alias", "duplicate annotation alias \"n\"");
        assertRejected(query(select("aggregates", list(map("function", "count", "alias", "n")),
                        "annotations", list(map("alias", "n", "expr", count)))),
                "annotations[0].alias", "alias \"n\" is also an aggregate's");
        assertRejected(query(select("annotations", list(map("alias", "n")))), "annotations[0]",
                "missing required key \"expr\"");
        assertRejected(query(select("order_by", list(list(count, "random")))), "order_by[0]",
                "direction \"random\" takes no expression");
        assertRejected(query(select("annotations", List.of(map("alias", "n", "expr", count, "x", 1)))),
                "annotations[0]", "unknown key \"x\"");
    }

    @Test
    void functionCalls() {
        Object lower = map("type", "call", "function", "lower", "args", list(map("type", "column", "name", "name")));
        SelectIr s = (SelectIr) IrCodec.decode(query(select("annotations", list(map("alias", "l", "expr", lower)))));
        assertThat(s.annotations().get(0).expr()).isEqualTo(new Expr.Call(ScalarFunction.LOWER,
                List.of(new Expr.Column("name"))));
        assertThat(IrCodec.decode(IrCodec.encode(s))).isEqualTo(s);
        assertThat(((SelectIr) IrCodec.decode(query(select("annotations", list(map("alias", "t", "expr",
                map("type", "call", "function", "now"))))))).annotations()).hasSize(1);
        assertRejected(query(select("annotations", list(map("alias", "l", "expr", map("type", "call",
                        "function", "lower"))))), "annotations[0].expr.args", "lower takes 1 arguments, found 0");
        assertRejected(query(select("annotations", list(map("alias", "l", "expr", map("type", "call",
                        "function", "substr", "args", list(map("type", "column", "name", "a"))))))),
                "annotations[0].expr.args", "substr takes 2 to 3 arguments, found 1");
        assertRejected(query(select("annotations", list(map("alias", "l", "expr", map("type", "call",
                        "function", "sleep", "args", list()))))), "annotations[0].expr.function",
                "unknown function \"sleep\"");
        assertRejected(query(select("annotations", list(map("alias", "l", "expr", map("type", "call",
                        "function", "upper", "args", list(map("type", "column", "name", "a;b"))))))),
                "annotations[0].expr.args[0].name", "identifier \"a;b\" contains ';', the statement separator");
        assertRejected(query(select("annotations", list(map("alias", "l", "expr", map("type", "call",
                        "args", list()))))), "annotations[0].expr", "missing required key \"function\"");
    }
}
