package io.oxyde.codec;

import static io.oxyde.codec.Wire.list;
import static io.oxyde.codec.Wire.map;
import static io.oxyde.codec.Wire.param;
import static io.oxyde.codec.Wire.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ProtocolException;

/** One test per rule of the protocol, each asserting the exact path and problem reported. */
class ValidationTest {

    private static ProtocolException rejected(byte[] bytes) {
        try {
            IrCodec.decode(bytes);
        } catch (ProtocolException e) {
            return e;
        }
        throw new AssertionError("accepted an invalid message");
    }

    private static void assertRejected(byte[] bytes, String path, String problem) {
        ProtocolException e = rejected(bytes);
        assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo(path + ": " + problem);
    }

    private static Map<Object, Object> select(Object... more) {
        Map<Object, Object> m = map("type", "select", "table", "users");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<Object, Object> cond(Object field, String op, Object value) {
        return map("type", "condition", "field", field, "op", op, "value", value);
    }

    @Test
    void aValidHandWrittenMessageDecodes() {
        byte[] bytes = query(select("filter", cond("age", "gte", param(0, ValueKind.INT)), "limit", 10), 18);
        assertThat(IrCodec.decode(bytes)).isEqualTo(SelectIr.from("users")
                .filter(FilterNode.condition("age", Lookup.GTE, Value.of(18))).limit(10L).build());
    }

    // ------------------------------------------------------------------ envelope

    @Test
    void unknownProtocolVersion() {
        assertRejected(Wire.pack(list(2, Wire.pack(select()), list())), "proto",
                "unsupported protocol version 2; supported versions: 1");
        assertRejected(Wire.pack(list(2, "anything", "else", "entirely")), "proto",
                "unsupported protocol version 2; supported versions: 1");
    }

    @Test
    void versionMustBeAnInteger() {
        assertRejected(Wire.pack(list("1", Wire.pack(select()), list())), "proto",
                "expected the protocol version (an integer) but found a string");
    }

    @Test
    void envelopeMustBeAnArrayOfThree() {
        assertRejected(Wire.pack(map("proto", 1)), "message", "expected an array but found a map");
        assertRejected(Wire.pack(list(1, Wire.pack(select()))), "message",
                "expected [proto, shape, values] but found an array of 2");
        assertRejected(Wire.pack(list()), "message", "expected [proto, shape, values] but found an empty array");
        assertRejected(new byte[0], "message", "unexpected end of input");
    }

    @Test
    void shapeMustBeBinary() {
        assertRejected(Wire.pack(list(1, select(), list())), "shape", "expected binary data but found a map");
    }

    @Test
    void trailingBytes() {
        byte[] ok = query(select());
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 2);
        assertRejected(longer, "message", "2 trailing bytes after the end of the message");
        byte[] shape = Wire.pack(select());
        byte[] paddedShape = java.util.Arrays.copyOf(shape, shape.length + 1);
        assertRejected(Wire.pack(list(1, paddedShape, list())), "shape", "1 trailing bytes after the shape");
    }

    @Test
    void declaredLengthBeyondTheInputFailsAtOnce() {
        // array32 claiming 2^31-1 elements, then nothing.
        assertRejected(new byte[] {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, "message",
                "declared length 2147483647 exceeds the remaining 0 bytes of input");
        // bin32 shape claiming 2 GB.
        byte[] bytes = {(byte) 0x93, 0x01, (byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x90};
        assertRejected(bytes, "shape", "declared length 2147483647 exceeds the remaining 1 bytes of input");
        // str32 value claiming 2 GB.
        byte[] shape = Wire.pack(select());
        byte[] str = {(byte) 0x91, (byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'};
        byte[] msg = Wire.pack(list(1, shape, new Wire.Raw(new byte[0])));
        byte[] withValues = new byte[msg.length + str.length];
        System.arraycopy(msg, 0, withValues, 0, msg.length);
        System.arraycopy(str, 0, withValues, msg.length, str.length);
        assertRejected(withValues, "values[0]", "declared length 2147483647 exceeds the remaining 1 bytes of input");
    }

    @Test
    void tooManyValues() {
        Object[] nils = new Object[1_000_001];
        assertRejected(query(select(), nils), "values", "more than 1000000 elements");
    }

    @Test
    void valuesCountMustMatchSlots() {
        assertRejected(query(select("filter", cond("age", "gte", param(0, ValueKind.INT)))), "filter.value",
                "slot 0 has no value (0 values given)");
        assertRejected(query(select("filter", cond("age", "gte", param(0, ValueKind.INT))), 1, 2), "values",
                "2 values for 1 parameter slots in the shape");
    }

    @Test
    void slotKindsMustMatch() {
        assertRejected(query(select("filter", cond("age", "gte", param(0, ValueKind.INT))), "18"), "filter.value",
                "slot 0 expects INT but values[0] is TEXT");
    }

    @Test
    void slotsMustBeNumberedInOrder() {
        assertRejected(query(select("filter", cond("age", "gte", param(1, ValueKind.INT))), 1, 2), "filter.value",
                "parameter slot 1 out of order (expected slot 0)");
    }

    @Test
    void parameterKindMustBeKnownAndScalar() {
        assertRejected(query(select("filter", cond("age", "gte", param(0, ValueKind.ARRAY))), 1), "filter.value",
                "unknown parameter kind tag 13");
        Wire.Ext bad = new Wire.Ext(16, new byte[] {0, 0, 0, 99});
        assertRejected(query(select("filter", cond("age", "gte", bad)), 1), "filter.value",
                "unknown parameter kind tag 99");
    }

    @Test
    void shapeValuesMustBeSlots() {
        assertRejected(query(select("filter", cond("age", "gte", 18))), "filter.value",
                "expected a parameter slot (ext 16) or an array but found an integer");
    }

    @Test
    void valuesSectionRejectsSlotsArraysAndUnknownExtensions() {
        assertRejected(query(select(), param(0, ValueKind.INT)), "values[0]",
                "a parameter slot cannot appear among values");
        assertRejected(query(select(), list(1, 2)), "values[0]",
                "an array cannot fill a slot (arrays belong to the shape)");
        assertRejected(query(select(), new Wire.Ext(99, new byte[1])), "values[0]", "unknown extension type 99");
        assertRejected(query(select(), map("a", 1)), "values[0]", "expected a value but found a map");
    }

    @Test
    void extensionPayloadsAreChecked() {
        assertRejected(query(select(), new Wire.Ext(1, new byte[] {0, 0, 0, 2})), "values[0]",
                "decimal payload must be 5 to 8196 bytes, found 4");
        assertRejected(query(select(), new Wire.Ext(2, new byte[4])), "values[0]", "date payload must be 8 bytes, found 4");
        byte[] farDay = {0x7f, 0, 0, 0, 0, 0, 0, 0};
        assertRejected(query(select(), new Wire.Ext(2, farDay)), "values[0]",
                "epoch day 9151314442816847872 is out of range");
        byte[] dayPlus = {0, 0, 0x4e, (byte) 0x94, (byte) 0x91, 0x4f, 0, 0}; // 86400 * 10^9
        assertRejected(query(select(), new Wire.Ext(3, dayPlus)), "values[0]",
                "nano of day 86400000000000 is out of range");
        byte[] badNano = new byte[12];
        badNano[8] = 0x7f;
        assertRejected(query(select(), new Wire.Ext(4, badNano)), "values[0]", "nanosecond 2130706432 is out of range");
        byte[] badOffset = new byte[16];
        badOffset[12] = 0x01;
        assertRejected(query(select(), new Wire.Ext(5, badOffset)), "values[0]",
                "offset of 16777216 seconds is out of range");
        assertRejected(query(select(), new Wire.Ext(6, new byte[8])), "values[0]", "uuid payload must be 16 bytes, found 8");
        assertRejected(query(select(), new Wire.Ext(7, new byte[] {(byte) 0xff, (byte) 0xfe})), "values[0]",
                "string is not valid UTF-8");
    }

    @Test
    void integersMustFitSixtyFourSignedBits() {
        byte[] shape = Wire.pack(select());
        byte[] head = Wire.pack(list(1, shape, new Wire.Raw(new byte[0])));
        byte[] msg = java.util.Arrays.copyOf(head, head.length + 10);
        msg[head.length] = (byte) 0x91;
        msg[head.length + 1] = (byte) 0xcf; // uint64 2^64-1
        for (int i = 2; i < 10; i++) {
            msg[head.length + i] = (byte) 0xff;
        }
        assertRejected(msg, "values[0]", "integer does not fit in 64 signed bits");
    }

    @Test
    void stringsMustBeValidUtf8() {
        byte[] bad = {(byte) 0xa2, (byte) 0xc3, 0x28};
        byte[] shape = Wire.pack(select());
        byte[] head = Wire.pack(list(1, shape, new Wire.Raw(new byte[0])));
        byte[] msg = java.util.Arrays.copyOf(head, head.length + 1 + bad.length);
        msg[head.length] = (byte) 0x91;
        System.arraycopy(bad, 0, msg, head.length + 1, bad.length);
        assertRejected(msg, "values[0]", "string is not valid UTF-8");
    }

    // ------------------------------------------------------------------ structure

    @Test
    void shapeMustBeATypedMap() {
        assertRejected(query(list("select")), "shape", "expected a map but found an array");
        assertRejected(query(map()), "shape", "missing required key \"type\"");
        assertRejected(query(map("table", "users", "type", "select")), "shape",
                "the first key must be \"type\", found \"table\"");
        assertRejected(query(map("type", "selekt", "table", "users")), "type", "unknown operation \"selekt\"");
        assertRejected(query(map("type", 1)), "type", "expected a string but found an integer");
    }

    @Test
    void requiredUnknownAndDuplicateKeys() {
        assertRejected(query(map("type", "select")), "shape", "missing required key \"table\"");
        assertRejected(query(select("tabel", "x")), "shape", "unknown key \"tabel\"");
        Map<Object, Object> dup = select();
        byte[] shape = Wire.pack(dup);
        // Append a second "table" entry by hand: bump the map length and add the entry.
        shape[0] = (byte) (shape[0] + 1);
        byte[] extra = Wire.pack(list("table", "again"));
        byte[] withDup = java.util.Arrays.copyOf(shape, shape.length + extra.length - 1);
        System.arraycopy(extra, 1, withDup, shape.length, extra.length - 1);
        assertRejected(Wire.pack(list(1, withDup, list())), "table", "duplicate key \"table\"");
        assertRejected(query(map("type", "delete", 7, "x")), "shape", "map keys must be strings, found an integer");
    }

    @Test
    void fieldTypesAreChecked() {
        assertRejected(query(select("limit", "10")), "limit", "expected an integer but found a string");
        assertRejected(query(select("distinct", 1)), "distinct", "expected a boolean but found an integer");
        assertRejected(query(select("columns", "id")), "columns", "expected an array but found a string");
        assertRejected(query(select("columns", list("id", 3))), "columns[1]",
                "expected a column (a string or [source, column]) but found an integer");
        assertRejected(query(select("columns", list(list("a", "b", "c")))), "columns[0]",
                "a qualified column must be [source, column]");
    }

    @Test
    void unknownOperatorNamesThePath() {
        Map<Object, Object> filter = map("type", "and", "children", list(
                cond("a", "eq", param(0, ValueKind.INT)),
                cond("b", "eq", param(1, ValueKind.INT)),
                cond("c", "gtee", param(2, ValueKind.INT))));
        assertRejected(query(select("filter", filter), 1, 2, 3), "filter.children[2].op", "unknown operator \"gtee\"");
    }

    @Test
    void exactIsAnAliasOfEq() {
        QueryIr ir = IrCodec.decode(query(select("filter", cond("a", "exact", param(0, ValueKind.INT))), 1));
        assertThat(((SelectIr) ir).filter()).isEqualTo(FilterNode.condition("a", Lookup.EQ, Value.of(1)));
    }

    @Test
    void unknownEnumsAreNamed() {
        assertRejected(query(select("filter", map("type", "xor", "children", list()))), "filter.type",
                "unknown filter node type \"xor\"");
        assertRejected(query(select("order_by", list(list("a", "up")))), "order_by[0][1]", "unknown direction \"up\"");
        assertRejected(query(select("lock", "exclusive")), "lock", "unknown lock mode \"exclusive\"");
        assertRejected(query(select("mode", "all")), "mode", "unknown select mode \"all\"");
        assertRejected(query(select("aggregates", list(map("function", "median", "column", "a", "alias", "m")))),
                "aggregates[0].function", "unknown aggregate function \"median\"");
        assertRejected(query(select("joins", list(map("alias", "j", "table", "t", "kind", "outer", "left", "a",
                "right", "id")))), "joins[0].kind", "unknown join kind \"outer\"");
        assertRejected(query(select("union", list(map("op", "minus", "query", select())))), "union[0].op",
                "unknown set operator \"minus\"");
        assertRejected(query(map("type", "update", "table", "t", "set", list(list("a",
                map("type", "binary", "op", "pow", "left", map("type", "column", "name", "a"),
                        "right", map("type", "column", "name", "a")))))),
                "set[0][1].op", "unknown arithmetic operator \"pow\"");
        assertRejected(query(map("type", "insert", "table", "t", "columns", list("a"), "rows", list(list(param(0, ValueKind.INT))),
                "on_conflict", map("action", "replace")), 1), "on_conflict.action", "unknown conflict action \"replace\"");
        assertRejected(query(map("type", "update", "table", "t", "set", list(list("a", map("type", "lambda"))))),
                "set[0][1].type", "unknown expression type \"lambda\"");
    }

    @Test
    void intersectAndExceptCombineOnlyWithThemselves() {
        Map<Object, Object> part = map("type", "select", "table", "t", "columns", list("id"));
        assertRejected(query(select("columns", list("id"), "union", list(map("op", "union", "query", part),
                        map("op", "intersect", "query", part)))), "union[1].op",
                "\"intersect\" cannot follow \"union\": the dialects disagree on which binds first; intersect and except"
                        + " combine only with themselves");
        byte[] ok = query(select("columns", list("id"), "union", list(map("op", "except", "query", part),
                map("op", "except", "query", part))));
        assertThat(((SelectIr) IrCodec.decode(ok)).setOperations()).extracting(SetOperation::operator)
                .containsExactly(SetOperator.EXCEPT, SetOperator.EXCEPT);
    }

    @Test
    void unionPartsMustBeSelects() {
        assertRejected(query(select("union", list(map("op", "union", "query", map("type", "delete", "table", "t"))))),
                "union[0].query.type", "a union part must be a select, found \"delete\"");
    }

    @Test
    void inSelectDecodesWithTheSubquerysSlotsInPlace() {
        Object sub = map("type", "select", "table", "album", "columns", list("artist_id"),
                "filter", cond("title", "contains", param(1, ValueKind.TEXT)));
        byte[] bytes = query(select("filter", map("type", "and", "children", list(
                cond("a", "eq", param(0, ValueKind.INT)),
                map("type", "not", "child", map("type", "in_select", "field", "id", "query", sub)),
                cond("b", "eq", param(2, ValueKind.INT))))), 1, "Live", 2);
        SelectIr album = SelectIr.from("album").columns("artist_id")
                .filter(FilterNode.condition("title", Lookup.CONTAINS, Value.of("Live"))).build();
        assertThat(IrCodec.decode(bytes)).isEqualTo(SelectIr.from("users").filter(FilterNode.and(
                FilterNode.condition("a", Lookup.EQ, Value.of(1)),
                FilterNode.not(new FilterNode.InSelect(ColumnRef.of("id"), album)),
                FilterNode.condition("b", Lookup.EQ, Value.of(2)))).build());
    }

    @Test
    void compareDecodesAndChecksItsOperator() {
        Object expr = map("type", "binary", "op", "mul", "left", map("type", "column", "name", "price", "source", "t"),
                "right", map("type", "value", "value", param(0, ValueKind.INT)));
        byte[] bytes = query(select("filter", map("type", "compare", "field", "cost", "op", "gt", "expr", expr,
                "numeric", true)), 2);
        assertThat(IrCodec.decode(bytes)).isEqualTo(SelectIr.from("users").filter(new FilterNode.Compare(
                ColumnRef.of("cost"), Lookup.GT, new Expr.Binary(ArithmeticOperator.MUL, new Expr.Column("t", "price"),
                        new Expr.Literal(Value.of(2))), true)).build());
        assertRejected(query(select("filter", map("type", "compare", "field", "a", "op", "contains",
                        "expr", map("type", "column", "name", "b")))), "filter.op",
                "compare takes eq, ne, gt, gte, lt or lte, found contains");
        assertRejected(query(select("filter", map("type", "compare", "field", "a", "op", "eq"))), "filter",
                "missing required key \"expr\"");
        assertRejected(query(select("filter", map("type", "compare", "field", "a", "op", "eq",
                        "expr", map("type", "column", "name", "b", "source", "x;y")))), "filter.expr.source",
                "identifier \"x;y\" contains ';', the statement separator");
        assertRejected(query(map("type", "update", "table", "t", "set", list(list("a",
                        map("type", "column", "name", "b", "source", "j"))))), "set[0][1].source",
                "an update expression names columns of the updated table only, found source \"j\"");
    }

    @Test
    void inSelectRules() {
        Map<Object, Object> twoColumns = map("type", "select", "table", "album", "columns", list("a", "b"));
        assertRejected(query(select("filter", map("type", "in_select", "field", "id", "query", twoColumns))),
                "filter.query", "an in_select query selects exactly one column (columns, joined columns and aggregates), found 2");
        Map<Object, Object> every = map("type", "select", "table", "album");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id", "query", every))),
                "filter.query", "an in_select query selects exactly one column (columns, joined columns and aggregates), found 0");
        Map<Object, Object> count = map("type", "select", "table", "album", "columns", list("a"), "mode", "count");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id", "query", count))),
                "filter.query", "an in_select query returns rows, found mode \"count\"");
        Map<Object, Object> locked = map("type", "select", "table", "album", "columns", list("a"), "lock", "update");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id", "query", locked))),
                "filter.query.lock", "an in_select query cannot lock rows");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id",
                        "query", map("type", "delete", "table", "t")))),
                "filter.query.type", "an in_select query must be a select, found \"delete\"");
        assertRejected(query(select("filter", map("type", "in_select", "query", map("type", "select", "table", "t",
                        "columns", list("a"))))), "filter", "missing required key \"field\"");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id"))), "filter",
                "missing required key \"query\"");
        assertRejected(query(select("filter", map("type", "in_select", "field", "id", "query",
                        map("type", "select", "table", "t", "columns", list("a\\b"))))),
                "filter.query.columns[0]", "identifier \"a\\b\" contains a backslash, which a JDBC driver could take for an escape");
        assertRejected(query(select("filter", map("type", "in_select", "field", "i;d", "query",
                        map("type", "select", "table", "t", "columns", list("a"))))),
                "filter.field", "identifier \"i;d\" contains ';', the statement separator");
    }

    @Test
    void nestingDepthIsLimited() {
        Object node = cond("a", "eq", param(0, ValueKind.INT));
        for (int i = 0; i < 64; i++) {
            node = map("type", "not", "child", node);
        }
        ProtocolException e = rejected(query(select("filter", node), 1));
        assertThat(e.problem()).isEqualTo("nested deeper than 64 levels");
        assertThat(e.path()).isEqualTo("filter" + ".child".repeat(64));
        Object ok = cond("a", "eq", param(0, ValueKind.INT));
        for (int i = 0; i < 63; i++) {
            ok = map("type", "not", "child", ok);
        }
        assertThat(IrCodec.decode(query(select("filter", ok), 1))).isInstanceOf(SelectIr.class);
        // Deep arrays in the shape and a very deep input that would overflow a naive reader.
        byte[] slot = Wire.pack(param(0, ValueKind.INT));
        byte[] nested = new byte[10_000 + slot.length];
        java.util.Arrays.fill(nested, 0, 10_000, (byte) 0x91); // 10,000 one-element arrays
        System.arraycopy(slot, 0, nested, 10_000, slot.length);
        Object array = new Wire.Raw(nested);
        ProtocolException deep = rejected(query(select("filter", cond("a", "in", array)), 1));
        assertThat(deep.problem()).isEqualTo("nested deeper than 64 levels");
        assertThat(deep.path()).startsWith("filter.value[0][0]");
    }

    @Test
    void identifierRules() {
        assertRejected(query(select("columns", list("id", ""))), "columns[1]", "identifier is empty");
        assertRejected(query(map("type", "select", "table", "us\u0000ers")), "table",
                "identifier \"us\\u0000ers\" contains the control character U+0000");
        assertRejected(query(map("type", "select", "table", "a\nb")), "table",
                "identifier \"a\\u000Ab\" contains the control character U+000A");
        assertRejected(query(map("type", "select", "table", "x".repeat(129))), "table",
                "identifier longer than 128 characters");
        assertRejected(query(map("type", "select", "table", "x".repeat(600))), "table",
                "longer than the limit of 512 bytes");
        // What a client-side SQL parser gives a meaning to (the Connector/J alias attack: \`?).
        assertRejected(query(select("columns", list("id", "\\`?"))), "columns[1]",
                "identifier \"\\`?\" contains a backslash, which a JDBC driver could take for an escape");
        assertRejected(query(select("columns", list("a?b"))), "columns[0]",
                "identifier \"a?b\" contains '?', which a JDBC driver could take for a placeholder");
        for (String bad : List.of("we\"ird", "it's", "back`tick", "{fn now()}", "x}", "a;b")) {
            assertThat(rejected(query(select("columns", list(bad)))).path()).as(bad).isEqualTo("columns[0]");
        }
        for (String invisible : List.of("a\u200Bb", "a\u202Eb", "a\u2028b")) {
            assertThat(rejected(query(select("columns", list(invisible)))).problem()).as(invisible)
                    .contains("identifier \"a\\u");
        }
        // a lone surrogate cannot cross as UTF-8, but an IR built in memory is held to the same rule
        assertThatThrownBy(() -> IrCodec.encode(SelectIr.from("a\uD800b").build())).isInstanceOf(ProtocolException.class)
                .hasMessage("table: identifier \"a\\uD800b\" contains an unpaired surrogate U+D800");
        // 128 characters, dots, spaces, brackets, $, #, - and emoji are all allowed.
        String odd = "we[ird] name.x y-$#🦀";
        QueryIr ir = IrCodec.decode(query(map("type", "select", "table", "t".repeat(128), "columns", list(odd))));
        assertThat(((SelectIr) ir).columns()).containsExactly(ColumnRef.of(odd));
    }

    // ------------------------------------------------------------------ semantics

    @Test
    void insertRowsMatchColumns() {
        assertRejected(query(map("type", "insert", "table", "t", "columns", list("a", "b", "c"), "rows",
                list(list(param(0, ValueKind.INT), param(1, ValueKind.INT), param(2, ValueKind.INT)),
                        list(param(3, ValueKind.INT), param(4, ValueKind.INT)))), 1, 2, 3, 4, 5),
                "rows[1]", "row has 2 values for 3 columns");
        assertRejected(query(map("type", "insert", "table", "t", "columns", list(), "rows", list())), "columns",
                "an insert needs at least one column");
        assertRejected(query(map("type", "insert", "table", "t", "columns", list("a"), "rows", list())), "rows",
                "an insert needs at least one row");
        assertRejected(query(map("type", "insert", "table", "t", "rows", list())), "shape",
                "missing required key \"columns\"");
    }

    @Test
    void lookupOperands() {
        assertRejected(query(select("filter", cond("a", "between", list(param(0, ValueKind.INT)))), 1),
                "filter.value", "between takes a 2-element array");
        assertRejected(query(select("filter", cond("a", "between", param(0, ValueKind.INT))), 1),
                "filter.value", "between takes a 2-element array");
        assertRejected(query(select("filter", cond("a", "isnull", param(0, ValueKind.INT))), 1),
                "filter.value", "isnull takes a bool, found INT");
        assertRejected(query(select("filter", cond("a", "in", param(0, ValueKind.INT))), 1),
                "filter.value", "in takes an array, found INT");
        assertRejected(query(select("filter", cond("a", "year", param(0, ValueKind.TEXT))), "2024"),
                "filter.value", "year takes an integer, found TEXT");
    }

    @Test
    void aggregatesOtherThanCountNeedAColumn() {
        assertRejected(query(select("aggregates", list(map("function", "count", "alias", "n"),
                map("function", "sum", "alias", "s")))), "aggregates[1]", "sum needs a column");
        assertRejected(query(select("aggregates", list(map("function", "count")))), "aggregates[0]",
                "missing required key \"alias\"");
    }

    @Test
    void limitAndOffsetAreNotNegative() {
        assertRejected(query(select("limit", -1)), "limit", "must not be negative, found -1");
        assertRejected(query(select("offset", -5)), "offset", "must not be negative, found -5");
    }

    @Test
    void orderByNeedsAColumnUnlessRandom() {
        assertRejected(query(select("order_by", list(list(null, "asc")))), "order_by[0]",
                "direction \"asc\" needs a column");
        assertRejected(query(select("order_by", list(list("a")))), "order_by[0]",
                "an order_by term must be [column, direction] or [column, direction, kind]");
        // revision 1.2: an optional value kind, a scalar kind's tag
        assertRejected(query(select("order_by", list(list("a", "asc", 13)))), "order_by[0][2]",
                "an order_by kind must be a scalar value kind tag, found 13");
    }

    @Test
    void updatesNeedAssignmentsAndUpsertsNeedColumns() {
        assertRejected(query(map("type", "update", "table", "t", "set", list())), "set",
                "an update needs at least one assignment");
        assertRejected(query(map("type", "insert", "table", "t", "columns", list("a"), "rows",
                list(list(param(0, ValueKind.INT))), "on_conflict", map("action", "update")), 1),
                "on_conflict.update", "action \"update\" needs at least one column to update");
    }

    @Test
    void joinAliasesAreUnique() {
        Map<Object, Object> j = map("alias", "j", "table", "t", "kind", "inner", "left", "a", "right", "id");
        assertRejected(query(select("joins", list(j, j))), "joins[1].alias", "duplicate join alias \"j\"");
    }

    @Test
    void multiColumnJoinPairsDecodeAndAreChecked() {
        Map<Object, Object> j = map("alias", "s", "table", "stock", "kind", "left", "left", "stock_wh", "right", "wh",
                "and_on", list(list("stock_sku", "sku"), list(list("o", "x"), "y")));
        assertThat(((SelectIr) IrCodec.decode(query(select("joins", list(j))))).joins().get(0).pairs()).containsExactly(
                new JoinPair(ColumnRef.of("stock_wh"), "wh"), new JoinPair(ColumnRef.of("stock_sku"), "sku"),
                new JoinPair(new ColumnRef("o", "x"), "y"));
        assertRejected(query(select("joins", list(map("alias", "s", "table", "stock", "kind", "left", "left", "a",
                "right", "b", "and_on", list(list("c")))))), "joins[0].and_on[0]",
                "a join and_on pair must be [left column, right column]");
        assertRejected(query(select("joins", list(map("alias", "s", "table", "stock", "kind", "left", "left", "a",
                "right", "b", "and_on", list(list("c", "d;e")))))), "joins[0].and_on[0][1]",
                "identifier \"d;e\" contains ';', the statement separator");
        assertThatThrownBy(() -> IrCodec.encode(SelectIr.from("users").join(new Join("s", "stock", JoinKind.LEFT,
                ColumnRef.of("a"), "b", List.of(), List.of(new JoinPair(ColumnRef.of("c"), "d;e")))).build()))
                .isInstanceOf(ProtocolException.class).hasMessage("joins[0].and_on[0][1]: identifier \"d;e\" contains ';',"
                        + " the statement separator");
    }

    @Test
    void stringSizesAreLimited() {
        String sql = "x".repeat((1 << 20) + 1);
        assertRejected(query(map("type", "raw", "sql", sql, "params", list())), "sql",
                "longer than the limit of 1048576 bytes");
        assertThatThrownBy(() -> IrCodec.encode(new RawIr(sql, List.of()))).isInstanceOf(ProtocolException.class)
                .hasMessage("sql: raw SQL longer than 1048576 bytes");
        assertRejected(query(select("k".repeat(65), 1)), "shape", "longer than the limit of 64 bytes");
        assertRejected(query(select("mode", "m".repeat(65))), "mode", "longer than the limit of 64 bytes");
        byte[] decimal = new byte[4 + 8193];
        assertRejected(query(select(), new Wire.Ext(1, decimal)), "values[0]",
                "decimal payload must be 5 to 8196 bytes, found 8197");
    }

    /** Extreme decimals are refused from their scale alone, before anything computes with them (issue 16). */
    @Test
    void decimalScaleAndMagnitudeAreBounded() {
        for (int scale : new int[] {Integer.MIN_VALUE, -1_000_000_000, -131_072, 16_384, Integer.MAX_VALUE}) {
            byte[] payload = {(byte) (scale >>> 24), (byte) (scale >>> 16), (byte) (scale >>> 8), (byte) scale, 1};
            ProtocolException e = rejected(query(select(), new Wire.Ext(1, payload)));
            assertThat(e.path()).as("scale %d", scale).isEqualTo("values[0]");
            assertThat(e.problem()).as("scale %d", scale).startsWith("decimal");
        }
        // the limits themselves are fine: 1E+131071 and 1E-16383
        for (int scale : new int[] {-131_071, 16_383}) {
            byte[] payload = {(byte) (scale >>> 24), (byte) (scale >>> 16), (byte) (scale >>> 8), (byte) scale, 1};
            assertThat(IrCodec.read(query(select(), new Wire.Ext(1, payload))).values()).hasSize(1);
        }
        SelectIr huge = SelectIr.from("t").filter(FilterNode.condition("a", Lookup.EQ,
                Value.of(new java.math.BigDecimal("1E+1000000000")))).build();
        assertThatThrownBy(() -> IrCodec.encode(huge)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("digits before the point exceeds 131072");
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefused() {
        SelectIr lone = SelectIr.from("t").filter(FilterNode.condition("a", Lookup.EQ, Value.of("a\ud800b"))).build();
        assertThatThrownBy(() -> IrCodec.encode(lone)).isInstanceOf(ProtocolException.class)
                .hasMessage("filter.value: text holds an unpaired surrogate U+D800 at index 1");
        SelectIr paired = SelectIr.from("t").filter(FilterNode.condition("a", Lookup.EQ, Value.of("a🦀b"))).build();
        assertThat(IrCodec.decode(IrCodec.encode(paired))).isEqualTo(paired);
    }

    @Test
    void rawSqlHoldsAStatementAndNoNul() {
        assertThatThrownBy(() -> IrCodec.encode(new RawIr("SELECT 1\0", List.of())))
                .isInstanceOf(ProtocolException.class).hasMessage("sql: raw SQL holds a NUL character at index 8");
        for (String empty : List.of(";", " ; ;", "-- only a comment", "/* c */ ;\n-- and another\n", "\t;\n")) {
            assertThatThrownBy(() -> IrCodec.encode(new RawIr(empty, List.of()))).as(empty)
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("sql: raw SQL holds no statement, only comments, whitespace or ';'");
        }
        for (String ok : List.of("SELECT 1; -- trailing", "/* hint */ SELECT 1", "-- c\nSELECT 1", "/* open")) {
            assertThat(IrCodec.decode(IrCodec.encode(new RawIr(ok, List.of())))).as(ok).isEqualTo(new RawIr(ok, List.of()));
        }
    }

    @Test
    void rawSqlIsNotEmpty() {
        assertRejected(query(map("type", "raw", "sql", " ", "params", list())), "sql", "raw SQL must not be empty");
    }

    // ------------------------------------------------------------------ encode shares the rules

    @Test
    void encodeRejectsInvalidQueriesWithTheSameMessages() {
        SelectIr negative = SelectIr.from("users").limit(-1L).build();
        assertThatThrownBy(() -> IrCodec.encode(negative)).isInstanceOf(ProtocolException.class)
                .hasMessage("limit: must not be negative, found -1");
        SelectIr between = SelectIr.from("users")
                .filter(FilterNode.condition("a", Lookup.BETWEEN, Value.array(Value.of(1)))).build();
        assertThatThrownBy(() -> IrCodec.encode(between)).isInstanceOf(ProtocolException.class)
                .hasMessage("filter.value: between takes a 2-element array");
        assertThatThrownBy(() -> IrCodec.shapeOf(between)).isInstanceOf(ProtocolException.class)
                .hasMessage("filter.value: between takes a 2-element array");
        SelectIr nul = SelectIr.from("us\u0000ers").build();
        assertThatThrownBy(() -> IrCodec.encode(nul)).isInstanceOf(ProtocolException.class)
                .hasMessage("table: identifier \"us\\u0000ers\" contains the control character U+0000");
        QueryIr template = IrTemplate.parameterize(Examples.seedSelect()).template();
        assertThatThrownBy(() -> IrCodec.encode(template)).isInstanceOf(ProtocolException.class)
                .hasMessage("filter.children[0].value: a parameter slot cannot be encoded; encode a query, not a template");
        FilterNode deep = FilterNode.condition("a", Lookup.EQ, Value.of(1));
        for (int i = 0; i < 64; i++) {
            deep = FilterNode.not(deep);
        }
        SelectIr tooDeep = SelectIr.from("t").filter(deep).build();
        assertThatThrownBy(() -> IrCodec.encode(tooDeep)).isInstanceOf(ProtocolException.class)
                .hasMessage("filter" + ".child".repeat(64) + ": nested deeper than 64 levels");
        InsertIr empty = new InsertIr(null, "t", List.of("a"), List.of(), List.of(), null);
        assertThatThrownBy(() -> IrCodec.encode(empty)).isInstanceOf(ProtocolException.class)
                .hasMessage("rows: an insert needs at least one row");
        UpdateIr noSet = new UpdateIr(null, "t", List.of(), null, List.of());
        assertThatThrownBy(() -> IrCodec.encode(noSet)).isInstanceOf(ProtocolException.class)
                .hasMessage("set: an update needs at least one assignment");
    }

    @Test
    void readDefersShapeValidationToTemplate() {
        byte[] bytes = query(select("limit", -3));
        WireQuery wire = IrCodec.read(bytes);
        assertThat(wire.values()).isEmpty();
        assertThatThrownBy(wire::template).isInstanceOf(ProtocolException.class)
                .hasMessage("limit: must not be negative, found -3");
        WireQuery mismatch = IrCodec.read(query(select("filter", cond("a", "eq", param(0, ValueKind.INT))), "x"));
        assertThatThrownBy(mismatch::ir).isInstanceOf(ProtocolException.class)
                .hasMessage("values: slot 0 expects INT but got TEXT");
        WireQuery tooMany = IrCodec.read(query(select(), 1));
        assertThatThrownBy(tooMany::template).isInstanceOf(ProtocolException.class)
                .hasMessage("values: 1 values for 0 parameter slots in the shape");
    }

    @Test
    void readDoesNotDecodeTheShape() {
        byte[] garbageShape = {(byte) 0xc1, 0x00, 0x7f};
        WireQuery wire = IrCodec.read(Wire.pack(list(1, garbageShape, list(7, "x"))));
        assertThat(wire.values()).containsExactly(Value.of(7), Value.of("x"));
        assertThat(wire.shape().toByteArray()).isEqualTo(garbageShape);
        assertThatThrownBy(wire::template).isInstanceOf(ProtocolException.class)
                .hasMessage("shape: invalid MessagePack byte 0xc1");
        assertThatThrownBy(() -> IrCodec.decode(Wire.pack(list(1, garbageShape, list(7, "x")))))
                .isInstanceOf(ProtocolException.class).hasMessage("shape: invalid MessagePack byte 0xc1");
    }

    @Test
    void nullInput() {
        assertThatThrownBy(() -> IrCodec.decode(null)).isInstanceOf(ProtocolException.class)
                .hasMessage("message: no input (null)");
        assertThatThrownBy(() -> IrCodec.decodeResult(null)).isInstanceOf(ProtocolException.class)
                .hasMessage("message: no input (null)");
    }

    @Test
    void bulkUpdateRowsAreChecked() {
        assertRejected(query(map("type", "bulk_update", "table", "t", "key", "id", "columns", list("a"),
                "rows", list(list(param(0, ValueKind.INT))))), "rows[0]", "a bulk update row must be [key, [values]]");
        List<Object> row = new ArrayList<>(List.of(param(0, ValueKind.INT), list()));
        assertRejected(query(map("type", "bulk_update", "table", "t", "key", "id", "columns", list("a"),
                "rows", list(row)), 1), "rows[0]", "row has 0 values for 1 columns");
    }
}
