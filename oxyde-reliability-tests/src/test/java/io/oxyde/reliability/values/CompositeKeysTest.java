package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Version;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.exception.NotFoundException;
import io.oxyde.exception.StaleObjectException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, composite primary keys ({@code @Id} on several fields): the migrations create
 * {@code PRIMARY KEY (warehouse, sku)}, and get (by values or a key record), filter, save,
 * delete, bulkUpdate, update and delete across a relation, upsert, refresh and optimistic
 * locking address a row by its whole key, on rows written by Oxyde and by plain SQL (read back
 * with plain SQL), and stream() / publisher() read keyset pages in whole-key order. Rows share each
 * key component with another row, so a statement that used one component only would touch two
 * rows. bulkUpdate is one statement per batch and checks each row's version; {@code pk__in}
 * compares the whole key with a query's keys. Foreign keys to such a model are
 * {@link CompositeForeignKeysTest}'s.
 */
class CompositeKeysTest {

    @Table("v19_depot")
    record Depot(Long id, String name) {
    }

    @Table("v19_stock")
    record Stock(@Id String warehouse, @Id String sku, int qty, Ref<Depot> depot, @Version Long version) {
    }

    /** Another composite key of the same kinds, under other names. */
    @Table("v19_reserved")
    record Reserved(@Id String wh, @Id String item, int n) {
    }

    /** A key record: components named as the key fields. */
    record StockKey(String warehouse, String sku) {
    }

    record PointsAtStock(Long id, Ref<Stock> stock) {
    }

    record UuidPart(@Id(strategy = IdStrategy.UUID) java.util.UUID a, @Id String b) {
    }

    /** A composite key plus a unique label, which foreign keys can reference (toField). */
    @Table("v19_bin")
    record Bin(@Id String aisle, @Id Integer shelf, @io.oxyde.annotation.Column(unique = true) String label) {
    }

    @Table("v19_placed")
    record Placed(Long id, String what, @ForeignKey(toField = "label") Ref<Bin> bin) {
    }

    @AllDatabases
    void aForeignKeyReachesACompositeKeyModelThroughAUniqueField(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-composite-tofield");
        Migrations.makeMigrations(List.of(Bin.class, Placed.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            await(db.objects(Bin.class).bulkCreate(List.of(new Bin("A", 1, "A1"), new Bin("A", 2, "A2"),
                    new Bin("B", 1, "B1"))));
            await(db.objects(Placed.class).create(new Placed(null, "nails", Ref.id(Bin.class, "A2"))));
            st.executeUpdate("INSERT INTO v19_placed (id, what, bin_id) VALUES (50, 'screws', 'B1')");
            var placed = db.objects(Placed.class);
            assertThat(await(placed.filter("bin__aisle", "A").flatValues("what").all())).containsExactly("nails");
            assertThat(await(placed.join("bin").orderBy("what").all())).extracting(p -> p.bin().get().shelf())
                    .containsExactly(2, 1);
            assertThat(await(placed.prefetch("bin").orderBy("what").all())).extracting(p -> p.bin().get().aisle())
                    .containsExactly("A", "B");
        }
    }

    @Test
    void theKeyFieldsAreReadAndAGeneratedPartIsRefused() {
        ModelMeta<Stock> meta = ModelMeta.of(Stock.class);
        assertThat(meta.primaryKeys()).extracting(FieldMeta::name).containsExactly("warehouse", "sku");
        assertThat(meta.primaryKeys()).allSatisfy(f -> assertThat(f.primaryKey()).isTrue());
        // foreign keys to it have one column per key column (CompositeForeignKeysTest)
        assertThat(ModelMeta.of(PointsAtStock.class).fields()).extracting(FieldMeta::column)
                .containsExactly("id", "stock_warehouse", "stock_sku");
        assertThatThrownBy(() -> ModelMeta.of(UuidPart.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("UuidPart.a").hasMessageContaining("set by the application");
    }

    @AllDatabases
    void theWholeKeyAddressesEachRow(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-composite");
        Migrations.makeMigrations(List.of(Depot.class, Stock.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            assertThat(primaryKeyColumns(st, tdb.kind())).containsExactly("warehouse", "sku");
            Depot north = await(db.objects(Depot.class).create(new Depot(null, "North")));
            Depot south = await(db.objects(Depot.class).create(new Depot(null, "South")));
            var stock = db.objects(Stock.class);
            await(stock.create(new Stock("A", "tea", 1, Ref.of(north), null)));
            await(stock.bulkCreate(List.of(new Stock("A", "rum", 2, Ref.of(north), null),
                    new Stock("B", "tea", 3, Ref.of(south), null))));
            st.executeUpdate("INSERT INTO v19_stock (warehouse, sku, qty, depot_id, version) VALUES ('B', 'rum', 4, "
                    + south.id() + ", 0)");
            // the database enforces the composite key
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO v19_stock (warehouse, sku, qty, depot_id, version)"
                    + " VALUES ('A', 'tea', 9, " + north.id() + ", 0)")).isInstanceOf(SQLException.class);

            // get by values in key order, or by a key record
            assertThat(await(stock.getByKey("A", "tea")).qty()).isEqualTo(1);
            assertThat(await(stock.getByKey(new StockKey("B", "rum"))).qty()).isEqualTo(4);
            assertThatThrownBy(() -> await(stock.getByKey("A", "gin"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> stock.getByKey("A")).isInstanceOf(FieldException.class)
                    .hasMessageContaining("2 values (warehouse, sku)");
            assertThat(await(stock.filter("sku", "tea").orderBy("warehouse").flatValues("qty").all()))
                    .containsExactly(1L, 3L);
            assertThat(await(stock.first()).orElseThrow().sku()).isEqualTo("rum"); // by key: (A, rum) first
            assertThat(await(stock.last()).orElseThrow().sku()).isEqualTo("tea"); // (B, tea) last

            // save updates exactly that row and checks its version
            Stock aTea = await(stock.getByKey("A", "tea"));
            Stock saved = await(db.save(new Stock("A", "tea", 10, aTea.depot(), aTea.version())));
            assertThat(saved.version()).isEqualTo(1L);
            assertThat(qty(st)).containsExactly("A/rum=2", "A/tea=10", "B/rum=4", "B/tea=3");
            assertThatThrownBy(() -> await(db.save(new Stock("A", "tea", 11, aTea.depot(), aTea.version()))))
                    .isInstanceOfSatisfying(StaleObjectException.class,
                            e -> assertThat(e.key()).isEqualTo(List.of("A", "tea")));
            // save of a new key inserts it
            await(db.save(new Stock("C", "tea", 5, Ref.of(north), null)));
            assertThat(await(db.refresh(new Stock("C", "tea", 0, null, null))).qty()).isEqualTo(5);

            // bulkUpdate by the whole key
            List<Stock> current = await(stock.filter("sku", "rum").orderBy("warehouse").all());
            List<Stock> doubled = new ArrayList<>();
            for (Stock s : current) {
                doubled.add(new Stock(s.warehouse(), s.sku(), s.qty() * 2, s.depot(), s.version()));
            }
            assertThat(await(stock.bulkUpdate(doubled, "qty"))).isEqualTo(2);
            assertThat(qty(st)).containsExactly("A/rum=4", "A/tea=10", "B/rum=8", "B/tea=3", "C/tea=5");

            // update and delete across a relation select the keys first: whole keys
            assertThat(await(stock.filter("depot__name", "South").filter("sku", "tea").update(Map.of("qty", 30))))
                    .isEqualTo(1);
            assertThat(qty(st)).containsExactly("A/rum=4", "A/tea=10", "B/rum=8", "B/tea=30", "C/tea=5");
            assertThat(await(stock.orderBy("-qty").limit(1).delete())).isEqualTo(1); // (B, tea)
            assertThat(qty(st)).containsExactly("A/rum=4", "A/tea=10", "B/rum=8", "C/tea=5");

            // delete one instance
            assertThat(await(db.delete(await(stock.getByKey("A", "rum"))))).isTrue();
            assertThat(qty(st)).containsExactly("A/tea=10", "B/rum=8", "C/tea=5");

            // upsert on the key
            await(stock.upsert(new Stock("B", "rum", 80, Ref.of(south), null), "warehouse", "sku"));
            await(stock.upsert(new Stock("B", "gin", 7, Ref.of(south), null), "warehouse", "sku"));
            assertThat(qty(st)).containsExactly("A/tea=10", "B/gin=7", "B/rum=80", "C/tea=5");

            // a key component left null is refused before anything is sent
            assertThatThrownBy(() -> await(stock.create(new Stock("D", null, 1, Ref.of(north), null))))
                    .isInstanceOf(FieldException.class).hasMessageContaining("Stock.sku")
                    .hasMessageContaining("composite primary key");
            // streaming reads keyset pages in whole-key order: (a > x) OR (a = x AND b > y)
            for (int i = 0; i < 7; i++) {
                st.executeUpdate("INSERT INTO v19_stock (warehouse, sku, qty, depot_id, version) VALUES ('B', 'x" + i
                        + "', " + i + ", " + south.id() + ", 0)");
            }
            List<String> streamed = new ArrayList<>();
            List<Integer> batches = new ArrayList<>();
            long n = await(stock.stream(2, batch -> {
                batches.add(batch.size());
                batch.forEach(s -> streamed.add(s.warehouse() + "/" + s.sku()));
            }));
            assertThat(n).isEqualTo(11);
            assertThat(streamed).containsExactly("A/tea", "B/gin", "B/rum", "B/x0", "B/x1", "B/x2", "B/x3", "B/x4", "B/x5",
                    "B/x6", "C/tea");
            assertThat(batches).containsExactly(2, 2, 2, 2, 2, 1);
            List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            stock.filter("warehouse", "B").publisher(3).subscribe(new java.util.concurrent.Flow.Subscriber<Stock>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(Stock item) {
                    published.add(item.sku());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            done.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(published).containsExactly("gin", "rum", "x0", "x1", "x2", "x3", "x4", "x5", "x6");
        }
    }

    /**
     * bulkUpdate of a composite-key, versioned model is one UPDATE per batch (counted by a
     * statement observer), touches exactly the named rows though each shares a key component with
     * others, and when one row's version moved on (changed or deleted by plain SQL) it fails with
     * {@link StaleObjectException} naming that row, and changes nothing.
     */
    @AllDatabases
    void bulkUpdateIsOneStatementPerBatchAndChecksEachVersion(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-composite-bulk");
        Migrations.makeMigrations(List.of(Depot.class, Stock.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        List<String> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.oxyde.driver.StatementObserver counter = (event, context, end) -> {
            if ("v19_stock".equals(event.table()) && event.operation().contains("update")) {
                updates.add(event.operation());
            }
        };
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement();
             AutoCloseable observed = io.oxyde.driver.OxydeDriver.global().pools().observe(counter)) {
            st.executeUpdate("INSERT INTO v19_depot (id, name) VALUES (1, 'North')");
            for (String row : List.of("'A', 'tea', 1", "'A', 'rum', 2", "'B', 'tea', 3", "'B', 'rum', 4", "'C', 'tea', 5",
                    "'C', 'gin', 6")) {
                st.executeUpdate("INSERT INTO v19_stock (warehouse, sku, qty, depot_id, version) VALUES (" + row
                        + ", 1, 0)");
            }
            var stock = db.objects(Stock.class);
            List<Stock> picked = List.of(await(stock.getByKey("A", "tea")), await(stock.getByKey("B", "rum")),
                    await(stock.getByKey("C", "gin")));
            updates.clear();
            assertThat(await(stock.bulkUpdate(times(picked, 10), "qty"))).isEqualTo(3);
            assertThat(updates).hasSize(1);
            assertThat(qty(st)).containsExactly("A/rum=2", "A/tea=10", "B/rum=40", "B/tea=3", "C/gin=60", "C/tea=5");
            assertThat(versions(st)).containsExactly("A/rum=0", "A/tea=1", "B/rum=1", "B/tea=0", "C/gin=1", "C/tea=0");

            // another writer moves (B, rum) on: the whole call fails, naming it, and nothing changes
            List<Stock> current = List.of(await(stock.getByKey("A", "tea")), await(stock.getByKey("B", "rum")),
                    await(stock.getByKey("C", "gin")));
            st.executeUpdate("UPDATE v19_stock SET version = version + 1 WHERE warehouse = 'B' AND sku = 'rum'");
            assertThatThrownBy(() -> await(stock.bulkUpdate(times(current, 2), "qty")))
                    .isInstanceOfSatisfying(StaleObjectException.class, e -> {
                        assertThat(e.key()).isEqualTo(List.of("B", "rum"));
                        assertThat(e.expectedVersion()).isEqualTo(1L);
                        assertThat(e.getMessage()).contains("changed by another writer");
                    });
            assertThat(qty(st)).containsExactly("A/rum=2", "A/tea=10", "B/rum=40", "B/tea=3", "C/gin=60", "C/tea=5");
            assertThat(versions(st)).containsExactly("A/rum=0", "A/tea=1", "B/rum=2", "B/tea=0", "C/gin=1", "C/tea=0");
            // a deleted row is stale too
            st.executeUpdate("DELETE FROM v19_stock WHERE warehouse = 'C' AND sku = 'gin'");
            List<Stock> withDeleted = List.of(current.get(0), current.get(2));
            assertThatThrownBy(() -> await(stock.bulkUpdate(times(withDeleted, 2), "qty")))
                    .isInstanceOfSatisfying(StaleObjectException.class, e -> {
                        assertThat(e.key()).isEqualTo(List.of("C", "gin"));
                        assertThat(e.getMessage()).contains("deleted");
                    });
            assertThat(qty(st)).containsExactly("A/rum=2", "A/tea=10", "B/rum=40", "B/tea=3", "C/tea=5");

            // 2,500 rows: batches of at most 500 models, one statement each
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO v19_stock (warehouse, sku, qty,"
                    + " depot_id, version) VALUES (?, ?, ?, 1, 0)")) {
                for (int i = 0; i < 2500; i++) {
                    ps.setString(1, i % 2 == 0 ? "E" : "F");
                    ps.setString(2, "s" + (i / 2));
                    ps.setInt(3, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<Stock> many = await(stock.filter("warehouse__in", List.of("E", "F")).all());
            assertThat(many).hasSize(2500);
            updates.clear();
            assertThat(await(stock.bulkUpdate(times(many, 3), "qty"))).isEqualTo(2500);
            assertThat(updates).hasSize(5);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(qty), MIN(version), MAX(version) FROM v19_stock"
                    + " WHERE warehouse IN ('E', 'F')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2500);
                assertThat(rs.getLong(2)).isEqualTo(3L * (2499L * 2500L / 2));
                assertThat(rs.getLong(3)).isEqualTo(1);
                assertThat(rs.getLong(4)).isEqualTo(1);
            }
            assertThat(qty(st)).startsWith("A/rum=2", "A/tea=10", "B/rum=40", "B/tea=3", "C/tea=5");
        }
    }

    /**
     * A query of composite-key models (or values of one path per key field) as the operand of
     * {@code pk__in}: the rows whose whole key is among the operand's — never a row that shares
     * one key component only — and {@code exclude} the complement, on rows written by plain SQL.
     */
    @AllDatabases
    void aCompositeKeyIsInAQueryOfKeys(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-composite-in");
        Migrations.makeMigrations(List.of(Depot.class, Stock.class, Reserved.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO v19_depot (id, name) VALUES (1, 'North')");
            for (String row : List.of("'A', 'tea', 1", "'A', 'rum', 2", "'B', 'tea', 3", "'B', 'rum', 4", "'C', 'gin', 5")) {
                st.executeUpdate("INSERT INTO v19_stock (warehouse, sku, qty, depot_id, version) VALUES (" + row
                        + ", 1, 0)");
            }
            // (A, rum) and (B, tea): each shares a component with (A, tea) and (B, rum); (D, gin) matches no stock
            for (String row : List.of("'A', 'rum', 7", "'B', 'tea', 8", "'D', 'gin', 9")) {
                st.executeUpdate("INSERT INTO v19_reserved (wh, item, n) VALUES (" + row + ")");
            }
            var stock = db.objects(Stock.class);
            var reserved = db.objects(Reserved.class);
            assertThat(keys(stock.filter("pk__in", reserved.values("wh", "item")))).containsExactly("A/rum", "B/tea");
            assertThat(keys(stock.filter("pk__in", reserved))).containsExactly("A/rum", "B/tea");
            assertThat(keys(stock.filter("pk__in", reserved.filter("n__gt", 7)))).containsExactly("B/tea");
            assertThat(keys(stock.exclude("pk__in", reserved))).containsExactly("A/tea", "B/rum", "C/gin");
            // the same table inside and out
            assertThat(keys(stock.filter("pk__in", stock.filter("qty__gte", 4)))).containsExactly("B/rum", "C/gin");
            assertThat(keys(stock.filter("qty__lt", 4).exclude("pk__in", stock.filter("sku", "tea"))))
                    .containsExactly("A/rum");
            // an empty operand: nothing is in it, everything is outside it
            assertThat(keys(stock.filter("pk__in", reserved.filter("n__gt", 100)))).isEmpty();
            assertThat(keys(stock.exclude("pk__in", reserved.filter("n__gt", 100)))).hasSize(5);
            // writes through the filter address whole keys too
            assertThat(await(stock.filter("pk__in", reserved).update(Map.of("qty", 0)))).isEqualTo(2);
            assertThat(qty(st)).containsExactly("A/rum=0", "A/tea=1", "B/rum=4", "B/tea=0", "C/gin=5");

            assertThatThrownBy(() -> stock.filter("pk", reserved)).isInstanceOf(FieldException.class)
                    .hasMessageContaining("pk of a composite key (warehouse, sku) takes only the lookup in");
            assertThatThrownBy(() -> stock.filter("pk__in", List.of("A", "tea"))).isInstanceOf(FieldException.class)
                    .hasMessageContaining("pk__in takes a query");
            assertThatThrownBy(() -> stock.filter("pk__in", reserved.values("wh"))).isInstanceOf(FieldException.class)
                    .hasMessageContaining("one path per key field (warehouse, sku)");
            assertThatThrownBy(() -> stock.filter("pk__in", reserved.values("wh", "n"))).isInstanceOf(FieldException.class)
                    .hasMessageContaining("Reserved.n is INT, sku is TEXT");
            assertThatThrownBy(() -> stock.filter("pk__in", reserved.limit(1))).isInstanceOf(FieldException.class)
                    .hasMessageContaining("cannot be sliced or combined");
            assertThatThrownBy(() -> stock.filter("sku__in", reserved)).isInstanceOf(FieldException.class)
                    .hasMessageContaining("pk__in");
        }
    }

    private static List<String> keys(io.oxyde.Query<Stock> q) {
        return await(q.all()).stream().map(s -> s.warehouse() + "/" + s.sku()).sorted().toList();
    }

    private static List<Stock> times(List<Stock> rows, int factor) {
        return rows.stream().map(s -> new Stock(s.warehouse(), s.sku(), s.qty() * factor, s.depot(), s.version())).toList();
    }

    private static List<String> qty(Statement st) throws Exception {
        return byKey(st, "qty");
    }

    private static List<String> versions(Statement st) throws Exception {
        return byKey(st, "version");
    }

    /** "warehouse/sku=value" of {@code column} for every stock row, in key order (plain SQL). */
    private static List<String> byKey(Statement st, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT warehouse, sku, " + column + " FROM v19_stock ORDER BY warehouse, sku")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "/" + rs.getString(2) + "=" + rs.getLong(3));
            }
        }
        return out;
    }

    private static List<String> primaryKeyColumns(Statement st, DatabaseKind kind) throws Exception {
        String sql = switch (kind) {
            case POSTGRES -> "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                    + " AND a.attnum = ANY (i.indkey) WHERE i.indrelid = 'v19_stock'::regclass AND i.indisprimary"
                    + " ORDER BY array_position(i.indkey, a.attnum)";
            case MARIADB -> "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE()"
                    + " AND table_name = 'v19_stock' AND constraint_name = 'PRIMARY' ORDER BY ordinal_position";
            default -> "SELECT name FROM pragma_table_info('v19_stock') WHERE pk > 0 ORDER BY pk";
        };
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
