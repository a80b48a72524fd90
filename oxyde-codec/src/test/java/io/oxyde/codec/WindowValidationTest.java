package io.oxyde.codec;

import static io.oxyde.codec.Wire.list;
import static io.oxyde.codec.Wire.map;
import static io.oxyde.codec.Wire.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.exception.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Revision 1.3 of the protocol: the {@code window} expression, where it may appear (annotations
 * and order terms, never filters, updates or other windows) and its own rules, and the select
 * keys {@code distinct_on} and {@code lock_of}; each rule with its exact path and problem.
 */
class WindowValidationTest {

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
        Map<Object, Object> m = map("type", "select", "table", "track");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<Object, Object> rowNumber() {
        return map("type", "window", "function", "row_number",
                "partition_by", list(map("type", "column", "name", "album_id")),
                "order_by", list(list("milliseconds", "asc", (long) ValueKind.INT.tag()),
                        list(map("type", "column", "name", "id"), "desc")));
    }

    private static final String WHERE = "is valid only in a select's annotations and order_by, outside filters and other"
            + " windows (SQL computes windows after WHERE, GROUP BY and HAVING; filter on it from an enclosing query)";

    @Test
    void decodesAndRoundTrips() {
        Map<Object, Object> lag = map("type", "window", "function", "lag", "offset", 2L,
                "args", list(map("type", "column", "name", "total")));
        byte[] bytes = query(select("annotations", list(map("alias", "rn", "expr", rowNumber()),
                map("alias", "prev", "expr", lag)), "order_by", list(list(rowNumber(), "desc"))));
        SelectIr s = (SelectIr) IrCodec.decode(bytes);
        Expr.Window rn = new Expr.Window(WindowFunction.ROW_NUMBER, List.of(), null, List.of(Expr.column("album_id")),
                List.of(new OrderBy(ColumnRef.of("milliseconds"), Direction.ASC, ValueKind.INT),
                        OrderBy.of(Expr.column("id"), Direction.DESC)));
        assertThat(s.annotations()).containsExactly(new Annotation("rn", rn), new Annotation("prev",
                new Expr.Window(WindowFunction.LAG, List.of(Expr.column("total")), 2, List.of(), List.of())));
        assertThat(s.orderBy()).containsExactly(OrderBy.of(rn, Direction.DESC));
        assertThat(IrCodec.decode(IrCodec.encode(s))).isEqualTo(s);
        assertThat(IrCodec.decode(IrCodec.encode(Examples.windowSelect()))).isEqualTo(Examples.windowSelect());
    }

    @Test
    void notInFiltersUpdatesOrOtherWindows() {
        assertRejected(query(select("filter", map("type", "test", "left", rowNumber(), "op", "eq",
                "right", rowNumber()))), "filter.left", "a window function (row_number) " + WHERE);
        assertRejected(query(select("annotations", list(map("alias", "c", "expr", map("type", "case",
                "whens", list(map("when", map("type", "test", "left", rowNumber(), "op", "eq", "right", rowNumber()),
                        "then", map("type", "column", "name", "id")))))))),
                "annotations[0].expr.whens[0].when.left", "a window function (row_number) " + WHERE);
        assertRejected(query(map("type", "update", "table", "track", "set", list(list("n", rowNumber())))),
                "set[0][1]", "a window function (row_number) " + WHERE);
        Map<Object, Object> nested = map("type", "window", "function", "sum", "args", list(rowNumber()));
        assertRejected(query(select("annotations", list(map("alias", "s", "expr", nested)))),
                "annotations[0].expr.args[0]", "a window function (row_number) " + WHERE);
        Map<Object, Object> sub = map("type", "subquery", "query", map("type", "select", "table", "album",
                "columns", list("id"), "filter", map("type", "test", "left", rowNumber(), "op", "gt",
                        "right", map("type", "column", "name", "id"))));
        assertRejected(query(select("annotations", list(map("alias", "s", "expr", sub)))),
                "annotations[0].expr.query.filter.left", "a window function (row_number) " + WHERE);
        // a subquery's own annotations may hold one
        Map<Object, Object> ranked = map("type", "subquery", "query", map("type", "select", "table", "album",
                "annotations", list(map("alias", "r", "expr", rowNumber())), "limit", 1L));
        assertThat(((SelectIr) IrCodec.decode(query(select("annotations", list(map("alias", "s", "expr", ranked))))))
                .annotations()).hasSize(1);
    }

    @Test
    void distinctOnAndLockOf() {
        Map<Object, Object> join = map("alias", "a", "table", "album", "kind", "inner", "left", "album_id", "right", "id");
        byte[] ok = query(select("distinct_on", list("album_id", list("a", "artist_id")), "joins", list(join),
                "lock", "update", "lock_of", list("a", "track")));
        SelectIr s = (SelectIr) IrCodec.decode(ok);
        assertThat(s.distinctOn()).containsExactly(ColumnRef.of("album_id"), ColumnRef.of("a", "artist_id"));
        assertThat(s.lockOf()).containsExactly("a", "track");
        assertThat(IrCodec.decode(IrCodec.encode(s))).isEqualTo(s);
        assertRejected(query(select("distinct_on", list("album_id"), "distinct", true)), "distinct_on",
                "distinct_on and distinct are exclusive (DISTINCT ON already keeps distinct rows)");
        assertRejected(query(select("lock_of", list("track"))), "lock_of", "lock_of needs a lock");
        assertRejected(query(select("lock", "update", "lock_of", list("x"))), "lock_of[0]",
                "\"x\" is neither the main table nor a join alias of this select");
        assertRejected(query(select("distinct_on", list("a;b"))), "distinct_on[0]",
                "identifier \"a;b\" contains ';', the statement separator");
    }

    @Test
    void jsonPathFunctionsTakeADocumentAndAPath() {
        Map<Object, Object> call = map("type", "call", "function", "json_text", "args", list(
                map("type", "column", "name", "data"), map("type", "value", "value", Wire.param(0, ValueKind.TEXT))));
        byte[] ok = query(select("annotations", list(map("alias", "t", "expr", call))), "$.\"owner\"");
        assertThat(((SelectIr) IrCodec.decode(ok)).annotations().get(0).expr()).isInstanceOf(Expr.Call.class);
        assertRejected(query(select("annotations", list(map("alias", "t", "expr", map("type", "call",
                "function", "json_has", "args", list(map("type", "column", "name", "data"))))))),
                "annotations[0].expr.args", "json_has takes 2 arguments, found 1");
    }

    @Test
    void ownRules() {
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "ntile"))))), "annotations[0].expr.function", "unknown window function \"ntile\"");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window"))))),
                "annotations[0].expr", "missing required key \"function\"");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "sum"))))), "annotations[0].expr.args", "sum takes 1 arguments, found 0");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "rank", "args", list(map("type", "column", "name", "id"))))))),
                "annotations[0].expr.args", "rank takes 0 arguments, found 1");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "rank", "offset", 1L))))), "annotations[0].expr.offset",
                "rank takes no offset (only lag and lead do)");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "lag", "offset", -1L, "args", list(map("type", "column", "name", "id"))))))),
                "annotations[0].expr.offset", "a window offset must be between 0 and 2147483647, found -1");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "rank", "order_by", list(list(null, "random"))))))),
                "annotations[0].expr.order_by[0]", "a window is ordered \"asc\" or \"desc\", not \"random\"");
        assertRejected(query(select("annotations", list(map("alias", "r", "expr", map("type", "window",
                "function", "rank", "frame", "rows"))))), "annotations[0].expr", "unknown key \"frame\"");
        assertRejected(query(select("columns", list("album_id"), "annotations", list(map("alias", "r", "expr",
                rowNumber())), "group_by", list("album_id", "r"))), "group_by[1]",
                "cannot group by annotation \"r\": it holds a window function, which SQL computes after grouping");
    }
}
