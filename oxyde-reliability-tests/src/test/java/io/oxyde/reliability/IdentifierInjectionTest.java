package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.oxyde.expression.Count;
import io.oxyde.F;
import io.oxyde.exception.FieldException;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.Query;
import io.oxyde.Ref;
import io.oxyde.expression.Sum;
import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ProtocolException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * SQL injection through identifiers, as an attacker would try it: names that a JDBC driver's
 * client-side SQL parser reads differently from the server. The attack that worked on MariaDB
 * (Connector/J, client-side prepared statements): the annotate alias {@code \`?} made the
 * parser take the backslash for an escape inside the back-quoted alias and the {@code ?} for a
 * placeholder, so the bound filter value was spliced into the SQL as text and a
 * {@code UNION SELECT} read the sentinel table. Every such name is now refused where it enters:
 * by the builder method that takes it ({@link FieldException}, at the call) and by the codec's
 * validation for IR from outside, on both roads into the driver. Each test runs on MariaDB with
 * server-side prepared statements off (the default, where the hole was) and on.
 */
class IdentifierInjectionTest {

    /** The row the attack reads; the model the attack goes through. */
    record InjItem(@Id Long id, String code) {
    }

    /** A second model, so join/prefetch have a relation to name. */
    record InjTag(@Id Long id, String label, Ref<InjItem> item) {
    }

    /** The filter value of the reported attack: harmless data unless spliced into the SQL. */
    static final String SPLICED = "x` FROM inj_item UNION SELECT v, 1 FROM sentinel -- ";

    /** Names a client-side SQL parser could read differently from the server, or that hide what they are. */
    static final List<String> HOSTILE_NAMES = List.of(
            "\\`?", "%_!*?[]^\\", "`?", "?", "a\\", "\\", "x'y", "x\"y", "x`y", "{fn now()}", "{", "a;b",
            "a\u0000b", "a\nb", "a\rb", "a\u202Eb", "a\u200Bb", "a\u2028b", "",
            "code` FROM sentinel -- ", "code\" FROM sentinel -- ");

    /** Malformed field paths: each a FieldException at the call. */
    static final List<String> MALFORMED_PATHS = List.of("", " ", "__", "____", "__gte", "code__", "__code",
            "code____exact", "item____code");

    private static void setUp(TestDatabase db) throws Exception {
        ConflictRetryTest.exec(db,
                "CREATE TABLE sentinel (id INTEGER PRIMARY KEY, v VARCHAR(40) NOT NULL)",
                "INSERT INTO sentinel (id, v) VALUES (1, 'intact')",
                "CREATE TABLE inj_item (id INTEGER PRIMARY KEY, code VARCHAR(200) NOT NULL)",
                "INSERT INTO inj_item (id, code) VALUES (1, 'a')",
                "INSERT INTO inj_item (id, code) VALUES (2, 'b')",
                "CREATE TABLE inj_tag (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL,"
                        + " item_id INTEGER NOT NULL REFERENCES inj_item (id))",
                "INSERT INTO inj_tag (id, label, item_id) VALUES (1, 't', 1)");
    }

    /** The pool settings a test runs under: both Connector/J modes on MariaDB, the defaults elsewhere. */
    private static List<PoolSettings> modes(TestDatabase db) {
        if (db.kind() != DatabaseKind.MARIADB) {
            return List.of(PoolSettings.defaults());
        }
        return List.of(PoolSettings.builder().driverProperty("useServerPrepStmts", "false").build(),
                PoolSettings.builder().driverProperty("useServerPrepStmts", "true").build());
    }

    @AllDatabases
    void theReportedAliasAttackIsRefusedAtTheCall(TestDatabase tdb) throws Exception {
        setUp(tdb);
        for (PoolSettings mode : modes(tdb)) {
            try (Oxyde db = Models.open(tdb, mode)) {
                var values = db.objects(InjItem.class).values("code").filter("code", SPLICED);
                assertThatThrownBy(() -> values.annotate("\\`?", Count.all()))
                        .isInstanceOf(FieldException.class)
                        .hasMessageContaining("invalid annotation alias")
                        .hasMessageContaining("backslash");
                for (String alias : HOSTILE_NAMES) {
                    assertThat(catchThrowable(() -> values.annotate(alias, Count.all()))).as("alias %s", printable(alias))
                            .isInstanceOf(FieldException.class).hasMessageContaining("invalid annotation alias");
                }
                assertThatThrownBy(() -> values.annotate(null, Count.all())).isInstanceOf(FieldException.class);
                assertThatThrownBy(() -> values.annotate("n__gt", Count.all())).isInstanceOf(FieldException.class)
                        .hasMessageContaining("__");
                // The filter value stays data: no row has that code, so nothing comes back.
                assertThat(await(values.annotate("n", Count.all()).all())).isEmpty();
                // Odd but harmless aliases still work, and come back under their own names.
                List<Map<String, Object>> rows = await(db.objects(InjItem.class).values("code")
                        .annotate("row count #1 (all)", Count.all()).orderBy("code").all());
                assertThat(rows).extracting(r -> r.get("code")).containsExactly("a", "b");
                assertThat(rows).extracting(r -> ((Number) r.get("row count #1 (all)")).longValue())
                        .containsExactly(1L, 1L);
                assertThat(await(db.objects(InjItem.class).values("code").annotate("total", Count.all())
                        .having("total__gte", 1).orderBy("-total", "code").all())).hasSize(2);
            }
            InjectionTest.assertSentinelIntact(tdb);
        }
    }

    @AllDatabases
    void everyBuilderMethodThatTakesANameRefusesItAtTheCall(TestDatabase tdb) throws Exception {
        setUp(tdb);
        for (PoolSettings mode : modes(tdb)) {
            try (Oxyde db = Models.open(tdb, mode)) {
                Query<InjItem> items = db.objects(InjItem.class);
                Query<InjTag> tags = db.objects(InjTag.class);
                List<String> names = new ArrayList<>(HOSTILE_NAMES);
                names.addAll(MALFORMED_PATHS);
                for (String n : names) {
                    List<Callable<Object>> calls = List.of(
                            () -> items.filter(n, 1),
                            () -> items.exclude(n, 1),
                            () -> items.filter("code__" + n, 1),
                            () -> items.orderBy("?".equals(n) ? "code?" : n), // "?" alone is random order
                            () -> items.orderBy("-" + n),
                            () -> items.values("code", n),
                            () -> items.valuesList(n),
                            () -> items.flatValues(n),
                            () -> items.select(n),
                            () -> items.values("code").groupBy(n),
                            () -> items.values("code").annotate("c", Count.of(n)),
                            () -> items.values("code").annotate("c", Sum.of(n)),
                            () -> items.values("code").annotate("c", Count.all()).having(n, 1),
                            () -> items.values("code").annotate("c", Count.all()).having("c__" + n, 1),
                            () -> items.values("code").annotate("c", Count.all()).orderBy("?".equals(n) ? "c?" : n),
                            () -> items.update(Map.of(n, "z")),
                            () -> items.update(Map.of("code", F.col(n))),
                            () -> items.get(n, 1),
                            () -> items.sum(n),
                            () -> items.max(n),
                            () -> tags.join(n),
                            () -> tags.join("item__" + n),
                            () -> tags.prefetch(n),
                            () -> tags.prefetch("item__" + n));
                    for (int i = 0; i < calls.size(); i++) {
                        assertThat(failure(calls.get(i))).as("call #%d with name %s", i, printable(n))
                                .isInstanceOf(FieldException.class);
                    }
                }
                // the reported crash: having("__gte") threw ArrayIndexOutOfBoundsException
                assertThatThrownBy(() -> items.values("code").annotate("c", Count.all()).having("__gte", 1))
                        .isInstanceOf(FieldException.class).hasMessageContaining("malformed path");
                assertThatThrownBy(() -> tags.join("__")).isInstanceOf(FieldException.class)
                        .hasMessageContaining("malformed path");
                // and nothing reached the database: the table is as it was
                assertThat(await(items.orderBy("id").flatValues("code").all())).containsExactly("a", "b");
                // raw SQL: parameters are data, and labels only name what comes back
                List<InjItem> mapped = await(db.raw("SELECT id, code FROM inj_item WHERE code = ? OR code = ?",
                        SPLICED, "b").as(InjItem.class).all());
                assertThat(mapped).containsExactly(new InjItem(2L, "b"));
            }
            InjectionTest.assertSentinelIntact(tdb);
        }
    }

    @AllDatabases
    void hostileIdentifiersInIrAreRefusedOnBothRoads(TestDatabase tdb) throws Exception {
        setUp(tdb);
        for (PoolSettings mode : modes(tdb)) {
            try (Rig rig = new Rig(tdb, mode.toBuilder()
                    .maxConnections(2))) {
                for (String n : HOSTILE_NAMES) {
                    List<QueryIr> hostile = new ArrayList<>();
                    // the reported attack through the IR: select code, count(*) AS [\`?] ... where code = ?
                    hostile.add(aliased(n));
                    hostile.add(SelectIr.from(n).build());
                    hostile.add(SelectIr.from("inj_item").columns(n).build());
                    hostile.add(SelectIr.from("inj_item").column(ColumnRef.of(n, "code")).build());
                    hostile.add(SelectIr.from("inj_item").filter(FilterNode.condition(n, Lookup.EQ, Value.of(1L))).build());
                    hostile.add(new InsertIr(null, "inj_item", List.of("id", n),
                            List.of(List.of(Value.of(9L), Value.of("z"))), List.of(), null));
                    hostile.add(new InsertIr(null, "inj_item", List.of("id", "code"),
                            List.of(List.of(Value.of(9L), Value.of("z"))), List.of(n), null));
                    for (QueryIr ir : hostile) {
                        assertThatThrownBy(() -> IrCodec.encode(ir)).as("%s", ir).hasMessageContaining("identifier");
                        Throwable typed = Rig.failure(rig.driver.execute(Rig.POOL, ir));
                        assertThat(typed).as("%s", ir).isInstanceOf(InvalidQueryException.class)
                                .hasMessageContaining("identifier");
                    }
                    // bytes from outside: a valid message with the alias swapped, as a peer without validation sends it
                    byte[] bytes = IrCodecAccess.replaceString(IrCodec.encode(aliased(PLACEHOLDER)), PLACEHOLDER, n);
                    Throwable fromBytes = Rig.failure(rig.driver.execute(Rig.POOL, bytes));
                    assertThat(fromBytes).as("bytes with alias %s", printable(n)).isInstanceOf(ProtocolException.class)
                            .hasMessageContaining("aggregates[0].alias");
                }
                // the same IR with a plain alias runs on both roads, and the value is only data
                assertThat(Rig.await(rig.driver.query(Rig.POOL, aliased("n"), null)).rows()).isEmpty();
                assertThat(Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(aliased("n"))))).isNotNull();
                assertThat(rig.scalar("SELECT count(*) FROM inj_item")).isEqualTo(2);
                rig.awaitQuiet();
            }
            InjectionTest.assertSentinelIntact(tdb);
        }
    }

    private static final String PLACEHOLDER = "alias_to_swap";

    /** The reported attack as IR: {@code select code, count(*) AS <alias> from inj_item where code = ? group by code}. */
    private static SelectIr aliased(String alias) {
        return SelectIr.from("inj_item").columns("code")
                .aggregate(new Aggregate(AggregateFunction.COUNT, null, false, alias))
                .groupBy(ColumnRef.of("code"))
                .filter(FilterNode.condition("code", Lookup.EQ, Value.of(SPLICED))).build();
    }

    /**
     * How a call fails: builder methods throw at the call; terminal ones ({@code update},
     * {@code get}, {@code sum} …) return a future that fails, before anything reaches the database.
     */
    private static Throwable failure(Callable<Object> call) {
        return catchThrowable(() -> {
            Object result = call.call();
            if (result instanceof CompletableFuture<?> f) {
                await(f);
            }
        });
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04X", cp)
                : String.valueOf((char) cp)));
        return sb.toString();
    }
}
